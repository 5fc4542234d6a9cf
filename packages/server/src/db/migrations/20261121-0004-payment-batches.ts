import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Where subsidies are paid to (the social-security card's bank account for people, the unit's
 * account for units), and payment batches: the items sent to a bank in one file (代发), and the
 * bank's return files. Paying happens only when a return file says an item was paid; exporting a
 * file pays nobody, and a return file is taken once.
 */
const up = [
  `alter table person add column bank_account_cipher text, add column bank_account_masked text, add column bank_name text`,
  `alter table organisation add column bank_account_cipher text, add column bank_account_masked text, add column bank_name text`,
  `create table payment_batch (
     id uuid primary key default gen_random_uuid(),
     number text not null unique,
     fund_id uuid not null references fund(id),
     channel text not null check (channel in ('social-security-card', 'bank-account')),
     region_code char(6) not null references region(code),
     layout text not null,
     state text not null check (state in ('open', 'exported', 'reconciled')),
     item_count integer not null,
     total_fen bigint not null check (total_fen >= 0),
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     exported_at timestamptz,
     file_sha256 text
   )`,
  `create table payment_item (
     id bigserial primary key,
     batch_id uuid not null references payment_batch(id),
     seq integer not null,
     application_id uuid not null references application(id),
     attempt integer not null,
     amount_fen bigint not null check (amount_fen > 0),
     payee_name text not null,
     account_cipher text not null,
     account_masked text not null,
     state text not null check (state in ('pending', 'paid', 'failed')),
     failure_reason text,
     bank_reference text,
     settled_at timestamptz,
     unique (batch_id, seq),
     unique (application_id, attempt)
   )`,
  // An application is in at most one unsettled item: a second batch cannot pick it up.
  `create unique index payment_item_one_pending on payment_item (application_id) where state = 'pending'`,
  `create index payment_item_batch on payment_item (batch_id, state)`,
  `create table bank_return (
     id uuid primary key default gen_random_uuid(),
     batch_id uuid not null references payment_batch(id),
     file_sha256 text not null unique,
     rows integer not null,
     paid integer not null,
     failed integer not null,
     unmatched integer not null,
     imported_by uuid not null references account(id),
     imported_at timestamptz not null default now()
   )`,
  `create sequence payment_batch_number_seq`,
];

export const m20261121_0004_payment_batches: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
