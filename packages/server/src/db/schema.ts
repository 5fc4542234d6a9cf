import type { Generated } from 'kysely';
import type { OrganisationTable, PersonTable, RegistryFactTable } from './tables/registry.js';
import type {
  AccountTable,
  IdentityCodeTable,
  PasswordHistoryTable,
  RoleExceptionTable,
  SessionTable,
} from './tables/accounts.js';
import type {
  ApplicationDeclarationTable,
  ApplicationDeferredMaterialTable,
  ApplicationEventTable,
  ApplicationEvidenceTable,
  ApplicationTable,
} from './tables/applications.js';
import type {
  AuditEntryTable,
  AuditActorTable,
  AuditTimeOrderTable,
  CalendarYearTable,
  ParameterValueTable,
  RegionTable,
} from './tables/platform.js';
import type {
  AllocationPublicationTable,
  BankReturnTable,
  FundTable,
  LedgerAccountTable,
  LedgerEntryTable,
  LedgerTransactionTable,
  PaymentBatchTable,
  PaymentItemTable,
} from './tables/funds.js';
import type {
  ReferenceRecordTable,
  ReferenceSnapshotTable,
  RiskFlagTable,
  SpotCheckItemTable,
  SpotCheckTable,
} from './tables/risk.js';
import type { NotificationTable, SweepAnnouncementTable } from './tables/notifications.js';
import type { OfferTable, SweepJobTable, SweepPartTable } from './tables/proactive.js';
import type {
  AssistanceCaseTable,
  AssistanceContactTable,
  CaseWorkerAreaTable,
  EmploymentRegistrationTable,
  HardshipCertificationTable,
} from './tables/employment-services.js';
import type { JobPostingTable, JobReferralTable, JobSeekerTable } from './tables/labour-market.js';
import type { GigMatchTable, GigPostingTable, GigStationTable, GigWorkerTable } from './tables/gig-market.js';
import type {
  RecruitmentCvTable,
  RecruitmentEventPostingTable,
  RecruitmentEventTable,
} from './tables/recruitment-events.js';
import type {
  LoanAwardTable,
  LoanCompensationTable,
  LoanInstalmentTable,
  LoanInstitutionTable,
  LoanPeriodTable,
  LoanStatementTable,
  LoanTable,
} from './tables/loans.js';
import type {
  TrainingCertificateTable,
  TrainingClassTable,
  TrainingDemandItemTable,
  TrainingInstitutionTable,
} from './tables/training.js';

/**
 * The database as Kysely sees it. Each table is created by a migration in ./migrations; the table
 * types live in ./tables by owning module, and schema-drift.test.ts checks them against a migrated
 * database.
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
  audit_time_order: AuditTimeOrderTable;
  audit_actor: AuditActorTable;
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
  sweep_part: SweepPartTable;
  offer: OfferTable;
  notification: NotificationTable;
  sweep_announcement: SweepAnnouncementTable;
  training_demand_item: TrainingDemandItemTable;
  training_institution: TrainingInstitutionTable;
  training_institution_item: { institution_id: string; demand_item_id: string };
  training_class: TrainingClassTable;
  training_enrolment: { class_id: string; person_id: string };
  training_attendance: {
    class_id: string;
    session_no: number;
    person_id: string;
    checked_in_at: Date | string;
    recorded_by: string;
  };
  training_inspection: {
    id: Generated<string>;
    class_id: string;
    inspector_id: string;
    inspected_on: string;
    satisfactory: boolean;
    finding: string;
  };
  training_assessment: {
    class_id: string;
    person_id: string;
    passed: boolean;
    score: number | null;
    recorded_by: string;
  };
  training_certificate: TrainingCertificateTable;
  application_evidence: ApplicationEvidenceTable;
  application_declaration: ApplicationDeclarationTable;
  application_deferred_material: ApplicationDeferredMaterialTable;
  employment_registration: EmploymentRegistrationTable;
  hardship_certification: HardshipCertificationTable;
  case_worker_area: CaseWorkerAreaTable;
  assistance_case: AssistanceCaseTable;
  assistance_contact: AssistanceContactTable;
  job_posting: JobPostingTable;
  job_seeker: JobSeekerTable;
  job_referral: JobReferralTable;
  gig_station: GigStationTable;
  gig_posting: GigPostingTable;
  gig_worker: GigWorkerTable;
  gig_match: GigMatchTable;
  recruitment_event: RecruitmentEventTable;
  recruitment_event_posting: RecruitmentEventPostingTable;
  recruitment_cv: RecruitmentCvTable;
  loan_institution: LoanInstitutionTable;
  loan: LoanTable;
  loan_instalment: LoanInstalmentTable;
  loan_statement: LoanStatementTable;
  loan_period: LoanPeriodTable;
  loan_compensation: LoanCompensationTable;
  loan_award: LoanAwardTable;
}

export type { CreatedAt, Json, UpdatedAt } from './tables/columns.js';
export * from './tables/registry.js';
export * from './tables/accounts.js';
export * from './tables/applications.js';
export * from './tables/platform.js';
export * from './tables/funds.js';
export * from './tables/risk.js';
export * from './tables/proactive.js';
export * from './tables/training.js';
export * from './tables/employment-services.js';
export * from './tables/labour-market.js';
export * from './tables/gig-market.js';
export * from './tables/recruitment-events.js';
export * from './tables/loans.js';
