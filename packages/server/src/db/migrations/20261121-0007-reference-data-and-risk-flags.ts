import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Other departments' data as dated snapshots (社保缴费、市场主体登记、机关事业单位在编人员、死亡、失业登记、
 * 防止返贫监测), and the risk flags raised on applications from them. A person is recorded by the
 * keyed hash of their ID number, a unit by its credit code; each flag names the snapshot it used.
 */
const up = [
  `create table reference_snapshot (
     id uuid primary key default gen_random_uuid(),
     kind text not null check (kind in ('deaths', 'civil-service-roster', 'business-registry', 'social-insurance', 'unemployment-registrations', 'poverty-monitoring')),
     taken_on date not null,
     source text not null check (length(source) between 2 and 200),
     rows integer not null,
     imported_by uuid not null references account(id),
     imported_at timestamptz not null default now()
   )`,
  `create index reference_snapshot_latest on reference_snapshot (kind, taken_on desc, imported_at desc)`,
  `create table reference_record (
     snapshot_id uuid not null references reference_snapshot(id),
     subject text not null,
     data jsonb not null
   )`,
  `create index reference_record_subject on reference_record (snapshot_id, subject)`,
  `create table risk_flag (
     id bigserial primary key,
     application_id uuid not null references application(id),
     stage text not null check (stage in ('submit', 'payment')),
     code text not null,
     severity text not null check (severity in ('block', 'review', 'note')),
     message_zh text not null,
     message_en text not null,
     cites text not null,
     snapshot_id uuid references reference_snapshot(id),
     raised_at timestamptz not null,
     cleared_at timestamptz,
     cleared_by uuid references account(id),
     clearance text,
     check ((cleared_at is null) = (clearance is null))
   )`,
  `create index risk_flag_application on risk_flag (application_id) where cleared_at is null`,
  // Payee accounts compared without decrypting them: a keyed hash beside the ciphertext.
  `alter table person add column bank_account_hmac text`,
  `alter table organisation add column bank_account_hmac text`,
  `create index person_bank_account on person (bank_account_hmac) where bank_account_hmac is not null`,
];

export const m20261121_0007_reference_data_and_risk_flags: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
