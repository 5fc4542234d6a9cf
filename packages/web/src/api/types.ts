/** What the server sends, as the UI reads it. The OpenAPI document at /api/docs is the full contract. */
export interface Text {
  zh: string;
  en: string;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  regionCode: string;
  personId?: string;
  organisationId?: string;
  permissions: string[];
}

export interface Region {
  code: string;
  nameZh: string;
  nameEn: string;
  parentCode: string | null;
  level: string;
}

export interface Reason {
  code: string;
  met: boolean;
  message: Text;
  cites: string;
  detail?: Text;
}

export interface UsedParameter {
  parameter: string;
  value: number;
  region: string;
  from: string;
  source: string;
  note?: string;
}

export interface Decision {
  subsidy: string;
  name: Text;
  status: string;
  eligible: boolean;
  amountFen: number | null;
  perMonthFen?: number;
  months?: number;
  region: string;
  date: string;
  reasons: Reason[];
  parameters: UsedParameter[];
  engineVersion: string;
}

export interface PolicyListing {
  id: string;
  name: Text;
  applicant: 'person' | 'organisation';
  fund: string;
  inForce: boolean;
  status: string;
  statusReason?: Reason;
  scheme?: { id: string; region: string; from: string; to?: string; basis: string; who: Text; standard: Text; materials: Text[]; parameters: UsedParameter[] };
  process: Text;
  timeLimitWorkingDays?: number;
  disclosure: string;
}

export interface ApplicationEvent {
  seq: number;
  action: string;
  actionName: Text;
  fromState?: string;
  toState: string;
  actor: string;
  actorRoles: string[];
  reason?: string;
  decision?: Decision;
  at: string;
}

export interface RiskFlag {
  id: string;
  stage: string;
  code: string;
  severity: string;
  message: Text;
  cites: string;
  raisedAt: string;
  clearedAt?: string;
  clearance?: string;
}

export interface Application {
  id: string;
  number: string;
  subsidy: string;
  subsidyName: Text;
  applicantKind: string;
  applicant: { id: string; name: string; identifier: string };
  /** Paid into this unit's account instead of the applicant's (a training claim paid to the institution). */
  payee?: { id: string; name: string; identifier: string };
  regionCode: string;
  periodKey: string;
  claim: Record<string, unknown>;
  state: string;
  stateName: Text;
  version: number;
  submittedOn?: string;
  dueOn?: string;
  overdue: boolean;
  publicityEndsOn?: string;
  amountFen?: number;
  recoveryFen?: number;
  actions: string[];
  createdAt: string;
  updatedAt: string;
  events?: ApplicationEvent[];
  warnings?: { code: string; message: string }[];
  riskFlags?: RiskFlag[];
}

export interface EvidenceFile {
  id: string;
  material: number;
  materialName: Text;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface PaymentBatch {
  id: string;
  number: string;
  fundId: string;
  channel: string;
  regionCode: string;
  layout: string;
  state: string;
  itemCount: number;
  totalFen: number;
  createdAt: string;
  exportedAt?: string;
  counts: { pending: number; paid: number; failed: number };
}

export interface Fund {
  id: string;
  code: string;
  name: string;
  source: string;
  year: number;
  regionCode: string;
  balances: { regionCode: string; kind: string; balanceFen: number }[];
}

export interface Offer {
  id: string;
  personId?: string;
  organisationId?: string;
  subsidy: string;
  periodKey: string;
  amountFen?: number;
  noApplication: boolean;
  state: string;
  applicationId?: string;
  createdAt: string;
}

export interface Sweep {
  id: string;
  regionCode: string;
  judgedOn: string;
  state: string;
  phase: 'people' | 'units';
  peopleTotal: number;
  peopleDone: number;
  unitsTotal: number;
  unitsDone: number;
  offersCreated: number;
  applicationsFiled: number;
  startedAt: string;
  finishedAt?: string;
}

// ── training (两目录一系统) ──

export interface DemandItem {
  id: string;
  regionCode: string;
  occupation: string;
  level?: number;
  trainingKind: string;
  standardFen: number;
  hours: number;
  urgent: boolean;
  payee: 'trainee' | 'institution';
  validFrom: string;
  validTo?: string;
  inForce: boolean;
  removedOn?: string;
  removedReason?: string;
}

export interface Institution {
  id: string;
  regionCode: string;
  organisationId: string;
  name: string;
  address: string;
  nature: string;
  capacity: number;
  status: string;
  demandItemIds: string[];
  removedOn?: string;
  removedReason?: string;
}

export interface ClassSummary {
  id: string;
  number: string;
  state: string;
  startsOn: string;
  endsOn: string;
  regionCode: string;
  institutionId: string;
  institutionName: string;
  occupation: string;
  level?: number;
  trainees: number;
  certificates: number;
}

export interface Trainee {
  personId: string;
  name: string;
  idNumberMasked: string;
  attended: number;
  passed?: boolean;
  score?: number;
  certificate?: string;
}

export interface TrainingClass {
  id: string;
  number: string;
  institutionId: string;
  institutionName: string;
  demandItemId: string;
  occupation: string;
  level?: number;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  sessions: number;
  state: string;
  decisionReason?: string;
  trainees: Trainee[];
  inspections: { inspectedOn: string; satisfactory: boolean; finding: string }[];
  /** What the caller may do next (the server's own checks). */
  steps: ('decide' | 'attend' | 'inspect' | 'assess' | 'complete' | 'claim')[];
}

export interface Certificate {
  serial: string;
  name: string;
  idNumberMasked: string;
  occupation: string;
  level?: number;
  institution: string;
  startsOn: string;
  endsOn: string;
  issuedOn: string;
}

// ── real-name binding (实名核验) and the security administrator ──

export type BindingVia = 'sms' | 'counter' | 'oidc' | 'legacy';

/** GET /api/v1/identity: whether the caller's account is bound to its registry record, and how it may be. */
export interface IdentityStatus {
  bound: boolean;
  kind: 'person' | 'organisation' | null;
  name: string;
  /** The bound record's ID number or credit code, masked. */
  subjectMasked: string | null;
  via: BindingVia | null;
  boundAt: string | null;
  methods: { sms: boolean; counter: boolean; oidc: boolean };
  /** `outbox`: a demonstration; no text message leaves the machine. */
  smsSender: 'outbox';
}

/** POST /api/v1/identity/activation-codes: what a counter clerk hands over on paper. */
export interface ActivationCode {
  /** Like ABCDE-FGHJK. */
  code: string;
  expiresAt: string;
  /** The record was bound to another account and moves to the one that enters this code. */
  rebind: boolean;
}

export interface OutboxMessage {
  id: string;
  phoneMasked: string;
  body: string;
  regionCode: string;
  createdAt: string;
}

/** GET /api/v1/sms-outbox: the demonstration outbox; nothing in it was sent. */
export interface SmsOutbox {
  demonstration: true;
  messages: OutboxMessage[];
}

/** A region's declared exception to 权限不相容: one account may hold this pair of posts. */
export interface RoleException {
  id: string;
  regionCode: string;
  roles: string[];
  reason: string;
  declaredBy: string;
  declaredAt: string;
}
