import type { FundSource } from '@huimin/policy';
import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it. Each table is created by a migration in ./migrations; this file
 * only describes them for type checking.
 */
export interface Database {
  region: RegionTable;
  parameter_value: ParameterValueTable;
  person: PersonTable;
  organisation: OrganisationTable;
  registry_fact: RegistryFactTable;
  account: AccountTable;
  password_history: PasswordHistoryTable;
  session: SessionTable;
  identity_code: IdentityCodeTable;
  sms_outbox: { id: Generated<string>; phone_masked: string; body: string; region_code: string; created_at: Date };
  oidc_login: { state: string; account_id: string; nonce: string; verifier: string; created_at: Date };
  role_exception: RoleExceptionTable;
  application: ApplicationTable;
  application_event: ApplicationEventTable;
  audit_entry: AuditEntryTable;
  calendar_year: CalendarYearTable;
  fund: FundTable;
  ledger_account: LedgerAccountTable;
  ledger_transaction: LedgerTransactionTable;
  ledger_entry: LedgerEntryTable;
  payment_batch: PaymentBatchTable;
  payment_item: PaymentItemTable;
  bank_return: BankReturnTable;
  allocation_publication: AllocationPublicationTable;
  reference_snapshot: ReferenceSnapshotTable;
  reference_record: ReferenceRecordTable;
  risk_flag: RiskFlagTable;
  spot_check: SpotCheckTable;
  spot_check_item: SpotCheckItemTable;
  sweep_job: SweepJobTable;
  offer: OfferTable;
  training_demand_item: TrainingDemandItemTable;
  training_institution: TrainingInstitutionTable;
  training_institution_item: { institution_id: string; demand_item_id: string };
  training_class: TrainingClassTable;
  training_enrolment: { class_id: string; person_id: string };
  training_attendance: { class_id: string; session_no: number; person_id: string; checked_in_at: Date | string; recorded_by: string };
  training_inspection: { id: Generated<string>; class_id: string; inspector_id: string; inspected_on: string; satisfactory: boolean; finding: string };
  training_assessment: { class_id: string; person_id: string; passed: boolean; score: number | null; recorded_by: string };
  training_certificate: TrainingCertificateTable;
  application_evidence: ApplicationEvidenceTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text or a value, read back as a value. */
export type Json<T = unknown> = ColumnType<T, string, string>;

export interface PersonTable {
  bank_account_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_masked: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>;
  id_number_hmac: string;
  id_number_cipher: string;
  id_number_masked: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  retirement_category: 'male' | 'female-cadre' | 'female-worker' | null;
  region_code: string;
  hukou_region: string | null;
  household_id: string | null;
  rural: boolean | null;
  phone_cipher: string | null;
  phone_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  address_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  address_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  phone_masked: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrganisationTable {
  bank_account_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_masked: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>;
  credit_code: string;
  credit_code_override: string | null;
  name: string;
  category: string;
  size_class: 'large' | 'medium' | 'small' | 'micro' | null;
  region_code: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RegistryFactTable {
  id: Generated<string>;
  person_id: string | null;
  organisation_id: string | null;
  kind: string;
  data: Json;
  source: 'manual' | 'import' | 'demo' | 'training';
  recorded_by: string | null;
  recorded_at: CreatedAt;
  retracted_at: Date | null;
  retracted_by: string | null;
  retraction_reason: string | null;
}

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

export interface ApplicationTable {
  id: Generated<string>;
  number: string;
  subsidy_id: string;
  applicant_kind: 'person' | 'organisation';
  person_id: string | null;
  organisation_id: string | null;
  region_code: string;
  period_key: string;
  claim: Json;
  state: string;
  version: Generated<number>;
  requested_by: string;
  idempotency_key: string;
  submitted_on: string | null;
  due_on: string | null;
  publicity_ends_on: string | null;
  amount_fen: string | null;
  recovery_fen: string | null;
  /** Paid into this unit's account instead of the applicant's (a training claim the institution is paid for). */
  payee_organisation_id: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApplicationEventTable {
  application_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_id: string;
  actor_roles: string[];
  step: string | null;
  reason: string | null;
  decision: Json | null;
  facts: Json | null;
  at: CreatedAt;
}

export interface AuditEntryTable {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string[] | null;
  region_code: string | null;
  ip: string | null;
  action: string;
  outcome: 'success' | 'failure';
  entity_type: string | null;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface CalendarYearTable {
  year: number;
  holidays: string[];
  workdays: string[];
  loaded_by: string | null;
  loaded_at: CreatedAt;
}

export interface RegionTable {
  code: string;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
  level: 'province' | 'city' | 'county';
}

/** Locally set parameter values (最低工资标准, local standards), kept with who set them and why. */
export interface ParameterValueTable {
  id: Generated<number>;
  parameter: string;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
  value: string;
  source: 'local-setting' | 'example';
  note: string | null;
  created_at: ColumnType<Date, string | undefined, never>;
}

export type LedgerAccountKind = 'treasury' | 'available' | 'committed' | 'paid' | 'recovered';
export type LedgerTransactionKind = 'issue' | 'allocate' | 'commit' | 'release' | 'pay' | 'payment-returned' | 'recover';

export interface FundTable {
  id: Generated<string>;
  code: string;
  name: string;
  source: FundSource;
  year: number;
  region_code: string;
  created_at: CreatedAt;
}

export interface LedgerAccountTable {
  id: Generated<string>;
  fund_id: string;
  region_code: string;
  kind: LedgerAccountKind;
  balance_fen: Generated<string>;
}

export interface LedgerTransactionTable {
  id: Generated<string>;
  kind: LedgerTransactionKind;
  fund_id: string;
  amount_fen: string;
  region_code: string;
  application_id: string | null;
  subsidy_id: string | null;
  attempt: number | null;
  idempotency_key: string | null;
  memo: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface LedgerEntryTable {
  transaction_id: string;
  account_id: string;
  amount_fen: string;
}

export type PaymentChannel = 'social-security-card' | 'bank-account';

export interface PaymentBatchTable {
  id: Generated<string>;
  number: string;
  fund_id: string;
  channel: PaymentChannel;
  region_code: string;
  layout: string;
  state: 'open' | 'exported' | 'reconciled';
  item_count: number;
  total_fen: string;
  created_by: string;
  created_at: CreatedAt;
  exported_at: Date | null;
  file_sha256: string | null;
}

export interface PaymentItemTable {
  id: Generated<string>;
  batch_id: string;
  seq: number;
  application_id: string;
  attempt: number;
  amount_fen: string;
  payee_name: string;
  account_cipher: string;
  account_masked: string;
  state: 'pending' | 'paid' | 'failed';
  failure_reason: string | null;
  bank_reference: string | null;
  settled_at: Date | null;
}

export interface BankReturnTable {
  id: Generated<string>;
  batch_id: string;
  file_sha256: string;
  rows: number;
  paid: number;
  failed: number;
  unmatched: number;
  imported_by: string;
  imported_at: CreatedAt;
}

export interface AllocationPublicationTable {
  id: Generated<string>;
  title: string;
  scheme: string;
  region_code: string;
  total_fen: string;
  result: Json;
  published_by: string;
  published_at: CreatedAt;
}

export type ReferenceKind = 'deaths' | 'civil-service-roster' | 'business-registry' | 'social-insurance' | 'unemployment-registrations' | 'poverty-monitoring';

export interface ReferenceSnapshotTable {
  id: Generated<string>;
  kind: ReferenceKind;
  taken_on: string;
  source: string;
  rows: number;
  imported_by: string;
  imported_at: CreatedAt;
}

export interface ReferenceRecordTable {
  snapshot_id: string;
  subject: string;
  data: Json;
}

export interface RiskFlagTable {
  id: Generated<string>;
  application_id: string;
  stage: 'submit' | 'payment';
  code: string;
  severity: 'block' | 'review' | 'note';
  message_zh: string;
  message_en: string;
  cites: string;
  snapshot_id: string | null;
  raised_at: Date;
  cleared_at: Date | null;
  cleared_by: string | null;
  clearance: string | null;
}

export interface SpotCheckTable {
  id: Generated<string>;
  region_code: string;
  seed: string;
  candidates: Json;
  inspectors: Json;
  sample_size: number;
  created_by: string;
  created_at: CreatedAt;
}

export interface SpotCheckItemTable {
  id: Generated<string>;
  spot_check_id: string;
  rank: number;
  application_id: string;
  inspector_id: string;
  weight: number;
  outcome: 'no-problem' | 'problem-found' | null;
  note: string | null;
  recorded_at: Date | null;
}

export interface SweepJobTable {
  id: Generated<string>;
  region_code: string;
  judged_on: string;
  state: 'running' | 'done' | 'failed';
  cursor: string | null;
  people_total: number;
  people_done: Generated<number>;
  offers_created: Generated<number>;
  phase: Generated<'people' | 'units'>;
  cursor_region: string | null;
  units_total: Generated<number>;
  units_done: Generated<number>;
  applications_filed: Generated<number>;
  started_by: string;
  started_at: CreatedAt;
  updated_at: UpdatedAt;
  finished_at: Date | null;
  error: string | null;
}

export interface OfferTable {
  id: Generated<string>;
  person_id: string | null;
  organisation_id: string | null;
  subsidy_id: string;
  period_key: string;
  region_code: string;
  amount_fen: string | null;
  no_application: Generated<boolean>;
  state: 'open' | 'confirmed' | 'declined' | 'filed';
  application_id: string | null;
  sweep_job_id: string;
  created_at: CreatedAt;
}

export interface TrainingDemandItemTable {
  id: Generated<string>;
  region_code: string;
  occupation: string;
  level: number | null;
  training_kind: 'employment-skills' | 'entrepreneurship';
  standard_fen: string;
  hours: number;
  urgent: boolean;
  /** Paid to the trainee (直补个人) or to the institution (项目制、先垫后补); migration 0015. */
  payee: Generated<'trainee' | 'institution'>;
  valid_from: string;
  valid_to: string | null;
  removed_on: string | null;
  removed_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface TrainingInstitutionTable {
  id: Generated<string>;
  region_code: string;
  organisation_id: string;
  name: string;
  address: string;
  nature: 'public' | 'private' | 'enterprise' | 'school';
  capacity: number;
  status: Generated<'listed' | 'removed'>;
  removed_on: string | null;
  removed_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface TrainingClassTable {
  id: Generated<string>;
  number: string;
  institution_id: string;
  demand_item_id: string;
  region_code: string;
  starts_on: string;
  ends_on: string;
  sessions: number;
  teaching_plan: string;
  teachers: Json<{ name: string; qualification: string }[]>;
  resources: Json<string[]>;
  assessment_plan: string;
  state: 'applied' | 'approved' | 'rejected' | 'completed';
  applied_by: string;
  decided_by: string | null;
  decision_reason: string | null;
  completed_by: string | null;
  created_at: CreatedAt;
}

export interface TrainingCertificateTable {
  serial: string;
  class_id: string;
  person_id: string;
  occupation: string;
  level: number | null;
  training_kind: string;
  institution_name: string;
  starts_on: string;
  ends_on: string;
  issued_on: string;
}

export interface ApplicationEvidenceTable {
  id: Generated<string>;
  application_id: string;
  material: number;
  material_name: Json<{ zh: string; en: string }>;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: CreatedAt;
}
