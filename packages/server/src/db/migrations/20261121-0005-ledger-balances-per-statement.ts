import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An index for an application's ledger history, and the ledger's checks once per statement instead of once per row, so that a batch posting a
 * thousand payments pays for each check once:
 * - balances are updated once per account with the statement's sum (the account's check still
 *   refuses an overdraft);
 * - a transaction's entries are written in one statement and must balance at its end (the rule the
 *   application already follows; it replaces a check per row at commit);
 * - payment attempts are checked for all the statement's payments together.
 */
const up = [
  // An application's latest ledger transaction of a kind (its commitment, its payment attempts).
  `create index ledger_transaction_application_kind on ledger_transaction (application_id, kind, id)`,
  `drop trigger ledger_entry_apply on ledger_entry`,
  `drop function ledger_entry_apply()`,
  `create function ledger_entries_apply() returns trigger language plpgsql as $$
   begin
     update ledger_account a set balance_fen = a.balance_fen + s.total
       from (select account_id, sum(amount_fen) as total from inserted group by account_id) s
      where a.id = s.account_id;
     return null;
   end $$`,
  `create trigger ledger_entries_apply after insert on ledger_entry referencing new table as inserted
     for each statement execute function ledger_entries_apply()`,

  `drop trigger ledger_transaction_balances on ledger_entry`,
  `drop function ledger_transaction_balances()`,
  `create function ledger_entries_balance() returns trigger language plpgsql as $$
   declare unbalanced bigint;
   begin
     select t.id into unbalanced
       from (select distinct transaction_id as id from inserted) t
      where (select sum(e.amount_fen) from ledger_entry e where e.transaction_id = t.id) <> 0
      limit 1;
     if unbalanced is not null then
       raise exception 'ledger transaction % does not balance', unbalanced using errcode = '23514';
     end if;
     return null;
   end $$`,
  `create trigger ledger_entries_balance after insert on ledger_entry referencing new table as inserted
     for each statement execute function ledger_entries_balance()`,

  `drop trigger ledger_payment_order on ledger_transaction`,
  `drop function ledger_payment_order()`,
  // Payment attempt n needs n − 1 returned payments before it; a return needs its payment.
  `create function ledger_payments_in_order() returns trigger language plpgsql as $$
   declare bad record;
   begin
     select i.application_id, i.kind, i.attempt into bad
       from inserted i
      where (i.kind = 'pay' and i.attempt <> (select count(*) from ledger_transaction r
                                                where r.application_id = i.application_id and r.kind = 'payment-returned') + 1)
         or (i.kind = 'payment-returned' and not exists (select 1 from ledger_transaction p
                                                where p.application_id = i.application_id and p.kind = 'pay' and p.attempt = i.attempt))
      limit 1;
     if bad.kind = 'pay' then
       raise exception 'application % is already paid (attempt %)', bad.application_id, bad.attempt using errcode = '23505';
     elsif bad.kind = 'payment-returned' then
       raise exception 'no payment attempt % to return for application %', bad.attempt, bad.application_id using errcode = '23503';
     end if;
     return null;
   end $$`,
  `create trigger ledger_payments_in_order after insert on ledger_transaction referencing new table as inserted
     for each statement execute function ledger_payments_in_order()`,
];

export const m20261121_0005_ledger_balances_per_statement: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
