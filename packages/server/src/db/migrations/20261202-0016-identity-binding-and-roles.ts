import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Real-name binding (实名核验) and role separation (三员分立, 权限不相容), decision 012.
 *
 * An applicant account is created unbound, with the identity it claims; it is bound to a registry
 * record only by a proof its holder controls: a one-time code sent to the phone already on record,
 * a code a counter clerk issues after seeing the ID card or licence, or the province's unified
 * identity service. One bound applicant account per person or unit, held by unique indexes so two
 * bindings racing for one record cannot both win.
 */
const up = [
  `alter table account add column claimed_kind text check (claimed_kind in ('person', 'organisation'))`,
  `alter table account add column claimed_subject_hmac text`,
  `alter table account add column claimed_name text`,
  `alter table account add column bound_at timestamptz`,
  `alter table account add column bound_via text check (bound_via in ('sms', 'counter', 'oidc', 'legacy'))`,
  `alter table account add column bind_failures integer not null default 0`,
  `alter table account add column bind_failed_at timestamptz`,
  // A member of staff's own 身份证号 (keyed hash): keeps them off their own and their household's claims.
  `alter table account add column id_number_hmac text`,
  `create index account_id_number on account (id_number_hmac) where id_number_hmac is not null`,
  // Accounts bound before this migration were bound by the old rule (ID and name); marked so.
  `update account set bound_at = created_at, bound_via = 'legacy' where 'applicant' = any(roles) and (person_id is not null or organisation_id is not null)`,
  `create unique index account_bound_person on account (person_id) where person_id is not null and 'applicant' = any(roles)`,
  `create unique index account_bound_organisation on account (organisation_id) where organisation_id is not null and 'applicant' = any(roles)`,

  // One-time codes: sent by SMS to the phone on record, or issued at a counter. Only a keyed hash
  // of the code is kept.
  `create table identity_code (
     id uuid primary key default gen_random_uuid(),
     via text not null check (via in ('sms', 'counter')),
     code_hmac text not null,
     account_id uuid references account (id),
     person_id uuid references person (id),
     organisation_id uuid references organisation (id),
     rebind_reason text,
     issued_by uuid references account (id),
     issued_at timestamptz not null,
     expires_at timestamptz not null,
     attempts integer not null default 0,
     used_at timestamptz,
     used_by uuid references account (id),
     check ((person_id is null) <> (organisation_id is null)),
     check (via = 'counter' or account_id is not null)
   )`,
  `create index identity_code_account on identity_code (account_id, issued_at) where account_id is not null`,
  `create unique index identity_code_counter on identity_code (code_hmac) where via = 'counter'`,

  // What the demonstration SMS sender "sends": kept so an administrator can read it, never sent.
  `create table sms_outbox (
     id bigserial primary key,
     phone_masked text not null,
     body text not null,
     region_code char(6) not null references region (code),
     created_at timestamptz not null
   )`,

  // The province's identity service: the state of one login round trip (PKCE verifier encrypted).
  `create table oidc_login (
     state text primary key,
     account_id uuid not null references account (id),
     nonce text not null,
     verifier text not null,
     created_at timestamptz not null
   )`,

  // A region's declared exception to 权限不相容 (a small office with too few staff), itself audited.
  `create table role_exception (
     id uuid primary key default gen_random_uuid(),
     region_code char(6) not null references region (code),
     roles text[] not null check (cardinality(roles) = 2),
     reason text not null check (length(reason) between 4 and 500),
     declared_by uuid not null references account (id),
     declared_at timestamptz not null,
     revoked_at timestamptz,
     revoked_by uuid references account (id)
   )`,
];

export const m20261202_0016_identity_binding_and_roles: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
