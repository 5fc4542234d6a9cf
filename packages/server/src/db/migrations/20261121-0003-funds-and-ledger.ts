import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Funds and the double-entry ledger behind every amount. The database itself keeps the invariants:
 * - every transaction balances (a deferred constraint trigger checks the sum at commit);
 * - no account but the treasury goes below zero (a check on the balance the entries maintain);
 * - an application is paid at most once (one payment attempt at a time, by unique index and trigger);
 * - entries and transactions are never changed or deleted.
 */
const up = [
  `create table fund (
     id uuid primary key default gen_random_uuid(),
     code text not null unique check (code ~ '^[A-Za-z0-9-]{2,40}$'),
     name text not null,
     source text not null check (source in ('central-employment', 'provincial-employment', 'city-employment', 'county-employment',
       'unemployment-insurance', 'rural-revitalisation', 'east-west-cooperation')),
     year integer not null check (year between 2000 and 2200),
     region_code char(6) not null references region(code),
     created_at timestamptz not null default now()
   )`,
  `create table ledger_account (
     id bigserial primary key,
     fund_id uuid not null references fund(id),
     region_code char(6) not null references region(code),
     kind text not null check (kind in ('treasury', 'available', 'committed', 'paid', 'recovered')),
     balance_fen bigint not null default 0,
     unique (fund_id, region_code, kind),
     constraint ledger_account_not_negative check (kind = 'treasury' or balance_fen >= 0)
   )`,
  `create table ledger_transaction (
     id bigserial primary key,
     kind text not null check (kind in ('issue', 'allocate', 'commit', 'release', 'pay', 'payment-returned', 'recover')),
     fund_id uuid not null references fund(id),
     amount_fen bigint not null check (amount_fen > 0),
     region_code char(6) not null references region(code),
     application_id uuid references application(id),
     subsidy_id text,
     attempt integer,
     idempotency_key text unique,
     memo text,
     actor_id uuid references account(id),
     at timestamptz not null default now(),
     check ((kind in ('pay', 'payment-returned')) = (attempt is not null)),
     check ((kind in ('issue', 'allocate')) = (application_id is null))
   )`,
  `create unique index ledger_one_payment_per_attempt on ledger_transaction (application_id, attempt) where kind = 'pay'`,
  `create unique index ledger_one_return_per_attempt on ledger_transaction (application_id, attempt) where kind = 'payment-returned'`,
  `create index ledger_transaction_application on ledger_transaction (application_id)`,
  `create index ledger_transaction_execution on ledger_transaction (kind, region_code, fund_id, at)`,
  `create table ledger_entry (
     transaction_id bigint not null references ledger_transaction(id),
     account_id bigint not null references ledger_account(id),
     amount_fen bigint not null check (amount_fen <> 0)
   )`,
  `create index ledger_entry_transaction on ledger_entry (transaction_id)`,
  `create index ledger_entry_account on ledger_entry (account_id)`,
  // Balances follow the entries; the account's check refuses an overdraft.
  `create function ledger_entry_apply() returns trigger language plpgsql as $$
   begin
     update ledger_account set balance_fen = balance_fen + new.amount_fen where id = new.account_id;
     return new;
   end $$`,
  `create trigger ledger_entry_apply after insert on ledger_entry for each row execute function ledger_entry_apply()`,
  `create function ledger_transaction_balances() returns trigger language plpgsql as $$
   declare total bigint;
   begin
     select coalesce(sum(amount_fen), 0) into total from ledger_entry where transaction_id = new.transaction_id;
     if total <> 0 then
       raise exception 'ledger transaction % does not balance (off by %)', new.transaction_id, total using errcode = '23514';
     end if;
     return null;
   end $$`,
  `create constraint trigger ledger_transaction_balances after insert on ledger_entry
     deferrable initially deferred for each row execute function ledger_transaction_balances()`,
  // Payment attempt n needs n − 1 returned payments before it; a return needs its payment.
  `create function ledger_payment_order() returns trigger language plpgsql as $$
   declare returned integer; paid integer;
   begin
     if new.kind = 'pay' then
       select count(*) into returned from ledger_transaction where application_id = new.application_id and kind = 'payment-returned';
       if new.attempt <> returned + 1 then
         raise exception 'application % is already paid (attempt % after % returns)', new.application_id, new.attempt, returned using errcode = '23505';
       end if;
     elsif new.kind = 'payment-returned' then
       select count(*) into paid from ledger_transaction where application_id = new.application_id and kind = 'pay' and attempt = new.attempt;
       if paid = 0 then
         raise exception 'no payment attempt % to return for application %', new.attempt, new.application_id using errcode = '23503';
       end if;
     end if;
     return new;
   end $$`,
  `create trigger ledger_payment_order before insert on ledger_transaction for each row execute function ledger_payment_order()`,
  `create trigger ledger_entry_no_update before update or delete on ledger_entry for each row execute function audit_entry_is_append_only()`,
  `create trigger ledger_transaction_no_update before update or delete on ledger_transaction for each row execute function audit_entry_is_append_only()`,
];

export const m20261121_0003_funds_and_ledger: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
