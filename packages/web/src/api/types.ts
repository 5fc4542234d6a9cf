/**
 * What the server sends, as the UI reads it: every type here is derived from the generated
 * `schema.d.ts` (from the server's OpenAPI document, `npm run api:types`), so a route that changes
 * what it answers changes these types, and the pages that read them fail to compile.
 */
import type { paths } from './schema.js';

/** The JSON body of one answer of one route. */
type Json<R extends { content: { 'application/json': unknown } }> = R['content']['application/json'];

/** A text in both languages. */
export type Text = PolicyListing['name'];

export type Account = Json<paths['/api/v1/session']['get']['responses'][200]>['account'];
/** What an account may do, as the server names it: a union, so a misspelt permission fails to compile. */
export type Permission = Account['permissions'][number];

export type Region = Json<paths['/api/v1/regions']['get']['responses'][200]>['regions'][number];

export type Decision = Json<paths['/api/v1/policies/evaluate']['post']['responses'][200]>['decisions'][number];

export type PolicyListing = Json<paths['/api/v1/policies']['get']['responses'][200]>['policies'][number];

/** A subsidy of the catalogue, as the server names it: a union, so a misspelt id fails to compile. */
export type SubsidyId = PolicyListing['id'];

export type Application = Json<paths['/api/v1/applications/{id}']['get']['responses'][200]>;
export type RiskFlag = NonNullable<Application['riskFlags']>[number];

export type EvidenceFile = Json<paths['/api/v1/applications/{id}/evidence']['get']['responses'][200]>['files'][number];

export type PaymentBatch = Json<paths['/api/v1/payment-batches/{id}']['get']['responses'][200]>;

export type Fund = Json<paths['/api/v1/funds']['get']['responses'][200]>['funds'][number];

export type NotificationList = Json<paths['/api/v1/notifications']['get']['responses'][200]>;

export type Offer = Json<paths['/api/v1/offers']['get']['responses'][200]>['offers'][number];

export type Sweep = Json<paths['/api/v1/sweeps/{id}']['get']['responses'][200]>;

// ── training (两目录一系统) ──

export type DemandItem = Json<paths['/api/v1/training/demand-catalogue']['get']['responses'][200]>['items'][number];

export type Institution = Json<paths['/api/v1/training/institutions']['get']['responses'][200]>['institutions'][number];

export type ClassSummary = Json<paths['/api/v1/training/classes']['get']['responses'][200]>['classes'][number];

export type TrainingClass = Json<paths['/api/v1/training/classes/{id}']['get']['responses'][200]>;
export type Trainee = TrainingClass['trainees'][number];

export type Certificate = Json<paths['/api/v1/training/certificates/{serial}']['get']['responses'][200]>;

// ── real-name binding (实名核验) and the security administrator ──

/** GET /api/v1/identity: whether the caller's account is bound to its registry record, and how it may be. */
export type IdentityStatus = Json<paths['/api/v1/identity']['get']['responses'][200]>;

/** POST /api/v1/identity/activation-codes: what a counter clerk hands over on paper. */
export type ActivationCode = Json<paths['/api/v1/identity/activation-codes']['post']['responses'][201]>;

/** GET /api/v1/sms-outbox: the demonstration outbox; nothing in it was sent. */
export type SmsOutbox = Json<paths['/api/v1/sms-outbox']['get']['responses'][200]>;
export type OutboxMessage = SmsOutbox['messages'][number];

/** A region's declared exception to 权限不相容: one account may hold this pair of posts. */
export type RoleException = Json<paths['/api/v1/role-exceptions']['get']['responses'][200]>['exceptions'][number];

/** One entry of the hash-chained audit trail (审计日志). */
export type AuditEntry = Json<paths['/api/v1/audit']['get']['responses'][200]>['entries'][number];
