import type { Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';

/** Accounts, real-name binding, role exceptions and sessions: owned by the accounts and sessions modules. */

export interface AccountTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  roles: string[];
  region_code: string;
  person_id: string | null;
  organisation_id: string | null;
  password_hash: string;
  password_changed_at: UpdatedAt;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  /** The identity an applicant account claims until it is bound (实名核验). */
  claimed_kind: 'person' | 'organisation' | null;
  claimed_subject_hmac: string | null;
  claimed_name: string | null;
  bound_at: Date | null;
  bound_via: 'sms' | 'counter' | 'oidc' | 'legacy' | null;
  bind_failures: Generated<number>;
  bind_failed_at: Date | null;
  /** A member of staff's own ID number, as a keyed hash. */
  id_number_hmac: string | null;
}

export interface IdentityCodeTable {
  id: Generated<string>;
  via: 'sms' | 'counter';
  code_hmac: string;
  account_id: string | null;
  person_id: string | null;
  organisation_id: string | null;
  rebind_reason: string | null;
  issued_by: string | null;
  issued_at: Date;
  expires_at: Date;
  attempts: Generated<number>;
  used_at: Date | null;
  used_by: string | null;
}

export interface RoleExceptionTable {
  id: Generated<string>;
  region_code: string;
  roles: string[];
  reason: string;
  declared_by: string;
  declared_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface PasswordHistoryTable {
  account_id: string;
  password_hash: string;
  set_at: CreatedAt;
}

export interface SessionTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  ip: string | null;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  ended_at: Date | null;
}
