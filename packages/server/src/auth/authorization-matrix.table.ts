import type { Role } from './roles.js';
import {
  EVERYONE,
  READERS,
  READERS_AND_APPLICANT,
  REGISTRY_READERS,
  FUND_READERS,
  TRAINING,
  csv,
  PDF,
  CLASS_DATES,
  STEP,
} from './authorization-matrix-roles.table.js';
import { SERVICE_ROWS } from './authorization-matrix-services.table.js';

/**
 * The authorization matrix, written out by hand: every route the server registers under /api,
 * who may call it, and how to call it. It is deliberately NOT derived from auth/roles.ts or from
 * the routes' `config.access`: it is an independent statement of who may do what, and
 * authorization-matrix.test.ts checks the running server against it. A route the server
 * registers that is missing here, or a row here for a route that no longer exists, fails the test.
 *
 * When a role's rights change on purpose, change the row here in the same commit.
 */

export type Scope = 'own' | 'other';

/** One region's records, made by the test's set-up (own: 510104, the callers' region; other: 620102). */
export interface Records {
  readonly region: string;
  readonly person: string;
  readonly organisation: string;
  /** A submitted application. */
  readonly application: string;
  /** A draft application with one file handed in. */
  readonly draft: string;
  readonly evidence: string;
  readonly fact: string;
  /** A staff account (not one of the callers). */
  readonly account: string;
  readonly fund: string;
  readonly batch: string;
  readonly spotCheck: string;
  readonly spotItem: string;
  readonly sweep: string;
  /** Open offers; in the own region they are the applicant caller's. */
  readonly offer: string;
  readonly spareOffer: string;
  readonly publication: string;
  readonly demandItem: string;
  readonly spareDemandItem: string;
  /** A unit not yet in the institution catalogue. */
  readonly spareUnit: string;
  readonly institution: string;
  readonly spareInstitution: string;
  readonly appliedClass: string;
  readonly approvedClass: string;
  readonly completedClass: string;
  readonly trainee: string;
  readonly traineeIdNumber: string;
  readonly certificate: string;
  /** A person registered unemployed (a graduate, so an assistance case is open for them). */
  readonly registrant: string;
  readonly registration: string;
  /** Another open registration, for the route that ends one. */
  readonly spareRegistration: string;
  /** A hard-to-employ certification filed and not decided; one certified. */
  readonly certification: string;
  readonly certified: string;
  readonly assistanceCase: string;
  /** A published posting; a spare one to correct and withdraw; a seeker (the registrant) referred to the posting. */
  readonly posting: string;
  readonly sparePosting: string;
  /** A gig station, a published gig of it and a worker registered there (the registrant). */
  readonly gigStation: string;
  readonly gig: string;
  readonly gigWorker: string;
  /** A live stream running now, presenting the posting; one already over. */
  readonly event: string;
  readonly pastEvent: string;
  readonly seeker: string;
  readonly referral: string;
}

export interface Fixtures {
  readonly own: Records;
  readonly other: Records;
  readonly password: string;
  /** An account that only ever logs in through the public login route. */
  readonly loginName: string;
  idNumber(birthDate: string): string;
  creditCode(region: string): string;
  /** A fresh idempotency key, code or username part. */
  key(): string;
  /** A person in the scope's region with nothing filed, made for one call. */
  freshPerson(s: Scope): Promise<string>;
  /** An application just submitted in the scope's region, made for one call. */
  submitted(s: Scope): Promise<string>;
}

export interface Call {
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface Row {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route exactly as registered (`:id`, not a value). */
  readonly route: string;
  /** Public, or the roles that pass the role check. Every other role gets 403, nobody logged in 401. */
  readonly allowed: 'public' | readonly Role[];
  /**
   * What the other region's record shows to a permitted caller:
   * - record: the URL names a record; the other region's is 404 (its existence is not leaked)
   * - create: the body names a region; the other region is refused and nothing is made
   * - list:   the other region's record (`marker`) never appears; the own region's does
   * - none:   not about one region's records (a template, the caller's own session, a calculation)
   */
  readonly region: 'record' | 'create' | 'list' | 'none';
  readonly call: (f: Fixtures, s: Scope, role: Role | 'anonymous') => Call | Promise<Call>;
  readonly marker?: (r: Records) => string;
  /** Statuses a permitted caller may also get on its own region (a business refusal, past the role check). */
  readonly also?: readonly number[];
  /** Roles that pass the role check but whose own-region record is not theirs (an applicant): 403 or 404. */
  readonly notOwn?: readonly Role[];
  /** Roles that only ever act on their own record here (an applicant files for themself): tried once, not per region. */
  readonly selfOnly?: readonly Role[];
  /** Call with a session of its own (the route ends the session). */
  readonly ownSession?: boolean;
}

// One row per line: the matrix is read as a table, route by route (decision 017).
// prettier-ignore
export const MATRIX: readonly Row[] = [
  // ── public ──
  { method: 'GET', route: '/api/health', allowed: 'public', region: 'none', call: () => ({ url: '/api/health' }) },
  { method: 'GET', route: '/api/v1/policies', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/policies?region=510104&date=2026-11-23' }) },
  { method: 'POST', route: '/api/v1/policies/evaluate', allowed: 'public', region: 'none', call: (f) => ({ url: '/api/v1/policies/evaluate', body: { region: '510104', date: '2026-11-23', applicant: { kind: 'person', idNumber: f.idNumber('1990-02-02') } } }) },
  { method: 'GET', route: '/api/v1/regions', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/regions' }) },
  { method: 'POST', route: '/api/v1/session', allowed: 'public', region: 'none', call: (f) => ({ url: '/api/v1/session', body: { username: f.loginName, password: f.password } }) },
  { method: 'POST', route: '/api/v1/register', allowed: 'public', region: 'none', call: (f) => ({ url: '/api/v1/register', body: { kind: 'person', idNumber: f.idNumber('1999-09-09'), name: '自助注册', regionCode: '510104', username: `reg${f.key()}`, password: f.password } }) },
  { method: 'GET', route: '/api/v1/allocation/publications', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/allocation/publications?region=510104' }) },
  { method: 'GET', route: '/api/v1/allocation/publications/:id/export', allowed: 'public', region: 'none', call: (f) => ({ url: `/api/v1/allocation/publications/${f.own.publication}/export` }) },
  { method: 'GET', route: '/api/v1/training/demand-catalogue', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/training/demand-catalogue?region=510104' }) },
  { method: 'GET', route: '/api/v1/training/demand-catalogue.xlsx', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/training/demand-catalogue.xlsx?region=510104' }) },
  { method: 'GET', route: '/api/v1/training/institutions', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/training/institutions?region=510104' }) },
  { method: 'GET', route: '/api/v1/training/institutions.xlsx', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/training/institutions.xlsx?region=510104' }) },
  { method: 'GET', route: '/api/v1/training/certificates/:serial', allowed: 'public', region: 'none', call: (f) => ({ url: `/api/v1/training/certificates/${f.own.certificate}?name=${encodeURIComponent('学员510104')}` }) },
  { method: 'GET', route: '/api/v1/disclosures', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/disclosures?region=510104' }) },
  { method: 'GET', route: '/api/v1/disclosures/export', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/disclosures/export?region=510104' }) },
  { method: 'GET', route: '/api/v1/disclosures/summary', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/disclosures/summary?region=510104&year=2026' }) },
  { method: 'GET', route: '/api/v1/calendar', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/calendar' }) },
  { method: 'GET', route: '/api/v1/calendar/:year', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/calendar/2026' }) },

  // ── one's own session ──
  { method: 'GET', route: '/api/v1/session', allowed: EVERYONE, region: 'none', call: () => ({ url: '/api/v1/session' }) },
  { method: 'DELETE', route: '/api/v1/session', allowed: EVERYONE, region: 'none', ownSession: true, call: () => ({ url: '/api/v1/session' }) },
  // A weak new password: refused after the role check, and nobody's password changes.
  { method: 'POST', route: '/api/v1/session/password', allowed: EVERYONE, region: 'none', also: [400], call: (f) => ({ url: '/api/v1/session/password', body: { currentPassword: f.password, newPassword: 'x' } }) },

  // ── real-name binding ──
  { method: 'GET', route: '/api/v1/identity', allowed: EVERYONE, region: 'none', call: () => ({ url: '/api/v1/identity' }) },
  // Only an applicant account not yet bound may prove who it is; the matrix's applicant is bound
  // already, so no caller here passes (identity.test.ts walks the unbound account).
  { method: 'POST', route: '/api/v1/identity/sms-code', allowed: [], region: 'none', call: () => ({ url: '/api/v1/identity/sms-code' }) },
  { method: 'POST', route: '/api/v1/identity/binding', allowed: [], region: 'none', call: () => ({ url: '/api/v1/identity/binding', body: { verificationCode: '123456' } }) },
  { method: 'GET', route: '/api/v1/identity/oidc/authorization', allowed: [], region: 'none', call: () => ({ url: '/api/v1/identity/oidc/authorization' }) },
  // The identity service's redirect: no session is sent on it; the round's state and browser key stand in.
  { method: 'GET', route: '/api/v1/identity/oidc/callback', allowed: 'public', region: 'none', also: [302], call: () => ({ url: '/api/v1/identity/oidc/callback?code=x&state=y' }) },
  { method: 'POST', route: '/api/v1/identity/activation-codes', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/identity/activation-codes', body: { kind: 'person', idNumber: f.idNumber('1979-01-01'), name: '窗口核验', regionCode: f[s].region } }) },

  // ── the security administrator ──
  { method: 'GET', route: '/api/v1/sms-outbox', allowed: ['security-administrator'], region: 'none', call: () => ({ url: '/api/v1/sms-outbox' }) },
  { method: 'GET', route: '/api/v1/role-exceptions', allowed: ['security-administrator'], region: 'none', call: () => ({ url: '/api/v1/role-exceptions' }) },
  { method: 'POST', route: '/api/v1/role-exceptions', allowed: ['security-administrator'], region: 'create', call: (f, s) => ({ url: '/api/v1/role-exceptions', body: { regionCode: f[s].region, roles: ['clerk', 'reviewer'], reason: '矩阵测试：两人所' } }) },
  // No such exception: refused past the role check.
  { method: 'POST', route: '/api/v1/role-exceptions/:id/revocation', allowed: ['security-administrator'], region: 'none', also: [404], call: () => ({ url: '/api/v1/role-exceptions/00000000-0000-4000-8000-000000000001/revocation' }) },

  // ── staff accounts and the calendar (administrator) ──
  { method: 'GET', route: '/api/v1/accounts', allowed: ['administrator'], region: 'list', marker: (r) => r.account, call: () => ({ url: '/api/v1/accounts' }) },
  { method: 'POST', route: '/api/v1/accounts', allowed: ['administrator'], region: 'create', call: (f, s) => ({ url: '/api/v1/accounts', body: { username: `u${f.key()}`, displayName: 'X', roles: ['clerk'], regionCode: f[s].region, idNumber: f.idNumber('1978-07-07'), password: 'First-pass-1' } }) },
  { method: 'POST', route: '/api/v1/accounts/:id/password-reset', allowed: ['administrator'], region: 'record', call: (f, s) => ({ url: `/api/v1/accounts/${f[s].account}/password-reset`, body: { password: 'Reset-pass-2026' } }) },
  { method: 'POST', route: '/api/v1/accounts/:id/active', allowed: ['administrator'], region: 'record', call: (f, s) => ({ url: `/api/v1/accounts/${f[s].account}/active`, body: { active: true } }) },
  { method: 'PUT', route: '/api/v1/accounts/:id/roles', allowed: ['administrator'], region: 'record', call: (f, s) => ({ url: `/api/v1/accounts/${f[s].account}/roles`, body: { roles: ['clerk'], regionCode: f[s].region } }) },
  { method: 'PUT', route: '/api/v1/calendar/:year', allowed: ['administrator'], region: 'none', call: () => ({ url: '/api/v1/calendar/2027', body: { holidays: ['2027-01-01'], workdays: [] } }) },

  // ── the registry ──
  { method: 'GET', route: '/api/v1/people', allowed: REGISTRY_READERS, region: 'list', marker: (r) => r.person, call: () => ({ url: '/api/v1/people' }) },
  { method: 'GET', route: '/api/v1/people.xlsx', allowed: REGISTRY_READERS, region: 'none', call: () => ({ url: '/api/v1/people.xlsx' }) },
  { method: 'POST', route: '/api/v1/people', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/people', body: { idNumber: f.idNumber('1980-01-01'), name: '新', regionCode: f[s].region } }) },
  { method: 'GET', route: '/api/v1/people/:id', allowed: [...REGISTRY_READERS, 'applicant'], notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/people/${f[s].person}` }) },
  { method: 'POST', route: '/api/v1/people/:id/identity', allowed: ['clerk', 'reviewer', 'finance'], region: 'record', call: (f, s) => ({ url: `/api/v1/people/${f[s].person}/identity`, body: { purpose: '核对身份' } }) },
  { method: 'POST', route: '/api/v1/people/:id/facts', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/people/${f[s].person}/facts`, body: { kind: 'status', data: { kind: 'veteran', from: '2020-01-01' } } }) },
  // Finance corrects a failed payment's account; see the report on separation of duties.
  { method: 'PUT', route: '/api/v1/people/:id/bank-account', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/people/${f[s].person}/bank-account`, body: { accountNumber: '621700001000000001', bankName: '示例银行' } }) },
  { method: 'GET', route: '/api/v1/organisations', allowed: REGISTRY_READERS, region: 'list', marker: (r) => r.organisation, call: () => ({ url: '/api/v1/organisations' }) },
  { method: 'POST', route: '/api/v1/organisations', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/organisations', body: { creditCode: f.creditCode(f[s].region), name: '新单位', category: 'enterprise', regionCode: f[s].region } }) },
  { method: 'GET', route: '/api/v1/organisations/:id', allowed: [...REGISTRY_READERS, 'applicant'], notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/organisations/${f[s].organisation}` }) },
  { method: 'POST', route: '/api/v1/organisations/:id/facts', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/organisations/${f[s].organisation}/facts`, body: { kind: 'designation', data: { kind: 'assistance-base', from: '2025-01-01' } } }) },
  { method: 'PUT', route: '/api/v1/organisations/:id/bank-account', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/organisations/${f[s].organisation}/bank-account`, body: { accountNumber: '621700001000000002', bankName: '示例银行' } }) },
  // Retracted once; the second time the fact is already retracted.
  { method: 'POST', route: '/api/v1/facts/:id/retraction', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/facts/${f[s].fact}/retraction`, body: { reason: '录入错误' } }) },

  // ── imports (clerk) ──
  { method: 'GET', route: '/api/v1/imports', allowed: ['clerk'], region: 'none', call: () => ({ url: '/api/v1/imports' }) },
  { method: 'GET', route: '/api/v1/imports/:kind/template', allowed: ['clerk'], region: 'none', call: () => ({ url: '/api/v1/imports/people/template?format=csv' }) },
  { method: 'POST', route: '/api/v1/imports/:kind', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/imports/people', ...csv(`身份证号码,姓名,行政区划代码\r\n${f.idNumber('1981-01-01')},导入,${f[s].region}\r\n`) }) },
  // SUSPECTED BUG (see the report): one county's clerk replaces the reference data every region's risk checks read.
  { method: 'POST', route: '/api/v1/reference-snapshots/:kind', allowed: ['clerk'], region: 'none', also: [400, 422], call: (f) => ({ url: `/api/v1/reference-snapshots/deaths?takenOn=2026-11-20&source=${encodeURIComponent('民政部门')}`, ...csv(`身份证号码,死亡日期\r\n${f.idNumber('1930-01-01')},2026-11-01\r\n`) }) },
  { method: 'GET', route: '/api/v1/reference-snapshots', allowed: ['clerk', 'auditor'], region: 'none', call: () => ({ url: '/api/v1/reference-snapshots' }) },

  // ── applications ──
  { method: 'GET', route: '/api/v1/applications', allowed: READERS_AND_APPLICANT, region: 'list', marker: (r) => r.application, call: () => ({ url: '/api/v1/applications' }) },
  {
    method: 'POST',
    route: '/api/v1/applications',
    allowed: ['applicant', 'clerk'],
    region: 'create',
    // The applicant files for themself (a draft); a clerk files at the counter for a person of the region.
    selfOnly: ['applicant'],
    call: async (f, s, role) => ({ url: '/api/v1/applications', body: { subsidy: 'one-time-startup', idempotencyKey: `mx-${f.key()}`, ...(role === 'applicant' ? {} : { personId: await f.freshPerson(s) }) } }),
  },
  {
    method: 'POST',
    route: '/api/v1/applications/decision-preview',
    allowed: ['applicant', 'clerk'],
    region: 'create',
    // Decided, never filed: the applicant for themself, a clerk for a person of the region.
    selfOnly: ['applicant'],
    call: (f, s, role) => ({ url: '/api/v1/applications/decision-preview', body: { subsidy: 'one-time-startup', ...(role === 'applicant' ? {} : { personId: f[s].person }) } }),
  },
  { method: 'GET', route: '/api/v1/applications/worklist', allowed: READERS, region: 'list', marker: (r) => r.application, call: () => ({ url: '/api/v1/applications/worklist?limit=200' }) },
  // A workbook is zipped: its rows are read by the worklist's own test, not searched for here.
  { method: 'GET', route: '/api/v1/applications/worklist.xlsx', allowed: READERS, region: 'none', call: () => ({ url: '/api/v1/applications/worklist.xlsx' }) },
  { method: 'GET', route: '/api/v1/applications/queue', allowed: ['clerk', 'reviewer', 'approver', 'finance'], region: 'none', call: () => ({ url: '/api/v1/applications/queue' }) },
  { method: 'GET', route: '/api/v1/applications/:id', allowed: READERS_AND_APPLICANT, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/applications/${f[s].application}` }) },
  { method: 'GET', route: '/api/v1/applications/:id/events/:seq/reproduction', allowed: READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/applications/${f[s].application}/events/2/reproduction` }) },
  // No flag 1 on this application: refused past the role check.
  { method: 'POST', route: '/api/v1/applications/:id/risk-flags/:flagId/clearance', allowed: ['reviewer'], region: 'record', also: [404, 409], call: (f, s) => ({ url: `/api/v1/applications/${f[s].application}/risk-flags/1/clearance`, body: { reason: '已核查' } }) },
  {
    method: 'POST',
    route: '/api/v1/applications/:id/transitions',
    // Each takes its own step on a just-submitted application: the clerk accepts it; the reviewer,
    // approver and finance are past the role check but too early (409); the applicant never sees it.
    // The fixture's claim is one the engine finds ineligible, so each step gives its reason.
    allowed: ['applicant', 'clerk', 'reviewer', 'approver', 'finance'],
    notOwn: ['applicant'],
    also: [409],
    region: 'record',
    call: async (f, s, role) => ({ url: `/api/v1/applications/${await f.submitted(s)}/transitions`, body: { action: STEP[role] ?? 'accept', reason: '授权矩阵测试' } }),
  },
  { method: 'GET', route: '/api/v1/self-check/questions', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/self-check/questions?region=510104' }) },
  { method: 'GET', route: '/api/v1/applications/:id/submission-check', allowed: ['applicant', 'clerk'], notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/applications/${f[s].draft}/submission-check` }) },
  // The fixture's application declares nothing: the clerk is past the role check and told there is no such declaration.
  { method: 'POST', route: '/api/v1/applications/:id/declarations/:declarationId', allowed: ['clerk'], region: 'record', also: [404], call: async (f, s) => ({ url: `/api/v1/applications/${await f.submitted(s)}/declarations/00000000-0000-4000-8000-000000000000`, body: { outcome: 'confirmed' } }) },
  { method: 'POST', route: '/api/v1/applications/:id/deferred-materials/:material/check', allowed: ['clerk'], region: 'record', also: [404], call: (f, s) => ({ url: `/api/v1/applications/${f[s].application}/deferred-materials/0/check`, body: { outcome: 'accepted' } }) },
  { method: 'GET', route: '/api/v1/applications/:id/evidence', allowed: READERS_AND_APPLICANT, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/applications/${f[s].draft}/evidence` }) },
  { method: 'POST', route: '/api/v1/applications/:id/evidence', allowed: ['applicant', 'clerk'], notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/applications/${f[s].draft}/evidence?material=0&fileName=a.pdf`, body: PDF, headers: { 'content-type': 'application/octet-stream' } }) },
  { method: 'GET', route: '/api/v1/applications/:id/evidence/:evidenceId', allowed: READERS_AND_APPLICANT, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/applications/${f[s].draft}/evidence/${f[s].evidence}` }) },

  // ── offers (政策找人) and sweeps ──
  { method: 'GET', route: '/api/v1/offers', allowed: READERS_AND_APPLICANT, region: 'list', marker: (r) => r.offer, call: () => ({ url: '/api/v1/offers' }) },
  { method: 'POST', route: '/api/v1/offers/:id/confirmation', allowed: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/offers/${f[s].offer}/confirmation` }) },
  { method: 'POST', route: '/api/v1/offers/:id/declination', allowed: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/offers/${f[s].spareOffer}/declination` }) },
  // An applicant's messages: only their own exist for them (another's id is not found).
  { method: 'GET', route: '/api/v1/notifications', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/notifications' }) },
  { method: 'POST', route: '/api/v1/notifications/:id/read', allowed: ['applicant'], region: 'none', also: [404], call: () => ({ url: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read' }) },
  { method: 'POST', route: '/api/v1/notifications/read-all', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/notifications/read-all' }) },
  { method: 'POST', route: '/api/v1/sweeps', allowed: ['supervisor'], region: 'none', call: () => ({ url: '/api/v1/sweeps' }) },
  { method: 'GET', route: '/api/v1/sweeps', allowed: ['supervisor'], region: 'list', marker: (r) => r.sweep, call: () => ({ url: '/api/v1/sweeps' }) },
  { method: 'GET', route: '/api/v1/sweeps/:id', allowed: ['supervisor'], region: 'record', call: (f, s) => ({ url: `/api/v1/sweeps/${f[s].sweep}` }) },
  { method: 'POST', route: '/api/v1/sweeps/:id/resumption', allowed: ['supervisor'], region: 'record', call: (f, s) => ({ url: `/api/v1/sweeps/${f[s].sweep}/resumption` }) },

  // ── a region's parameters ──
  { method: 'GET', route: '/api/v1/parameters', allowed: [...READERS, 'parameter-officer'], region: 'none', call: () => ({ url: '/api/v1/parameters' }) },
  // Setting what claims pay is the parameter officer's post; the supervisor is read-only (issue 14).
  { method: 'POST', route: '/api/v1/parameters', allowed: ['parameter-officer'], region: 'create', call: (f, s) => ({ url: '/api/v1/parameters', body: { parameter: 'risk.shared-address-max', regionCode: f[s].region, from: '2027-01-01', value: 6, note: '矩阵测试：与默认值相同' } }) },
  { method: 'GET', route: '/api/v1/parameters/regions/:regionCode', allowed: [...READERS, 'parameter-officer'], region: 'create', call: (f, s) => ({ url: `/api/v1/parameters/regions/${f[s].region}?on=2026-12-01` }) },

  // ── funds, allocation, payments ──
  { method: 'GET', route: '/api/v1/funds', allowed: FUND_READERS, region: 'list', marker: (r) => r.fund, call: () => ({ url: '/api/v1/funds' }) },
  { method: 'GET', route: '/api/v1/funds/execution', allowed: FUND_READERS, region: 'none', call: () => ({ url: '/api/v1/funds/execution' }) },
  { method: 'GET', route: '/api/v1/funds/execution/items', allowed: FUND_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/funds/execution/items?regionCode=${f[s].region}&fundId=${f[s].fund}` }) },
  { method: 'GET', route: '/api/v1/funds/:id/entries', allowed: FUND_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/funds/${f[s].fund}/entries?regionCode=${f[s].region}&account=available` }) },
  { method: 'POST', route: '/api/v1/funds', allowed: ['finance'], region: 'create', call: (f, s) => ({ url: '/api/v1/funds', body: { code: `M-${f.key()}`, name: '资金', source: 'county-employment', year: 2026, regionCode: f[s].region } }) },
  { method: 'POST', route: '/api/v1/funds/:id/issuance', allowed: ['finance'], region: 'record', call: (f, s) => ({ url: `/api/v1/funds/${f[s].fund}/issuance`, body: { amountFen: 100 } }) },
  // A county has no region below it: refused past the role check.
  { method: 'POST', route: '/api/v1/funds/:id/allocations', allowed: ['finance'], region: 'record', also: [400, 409, 422], call: (f, s) => ({ url: `/api/v1/funds/${f[s].fund}/allocations`, body: { fromRegion: f[s].region, toRegion: f[s].region, amountFen: 1 } }) },
  { method: 'GET', route: '/api/v1/allocation/schemes', allowed: FUND_READERS, region: 'none', call: () => ({ url: '/api/v1/allocation/schemes' }) },
  { method: 'GET', route: '/api/v1/allocation/schemes/:scheme/template', allowed: FUND_READERS, region: 'none', call: () => ({ url: '/api/v1/allocation/schemes/sichuan-2025-training/template' }) },
  { method: 'POST', route: '/api/v1/allocation/calculations', allowed: FUND_READERS, region: 'none', call: () => ({ url: '/api/v1/allocation/calculations', body: { scheme: 'sichuan-2025-training', totalFen: 1000, regions: [{ region: '510104', values: { trainees: 1, results: 1 } }] } }) },
  { method: 'POST', route: '/api/v1/allocation/schemes/:scheme/calculations', allowed: FUND_READERS, region: 'none', also: [400, 415, 422], call: () => ({ url: '/api/v1/allocation/schemes/sichuan-2025-training/calculations?totalFen=1000', ...csv('区划代码,培训需求人数,培训效果\r\n510104,1,1\r\n') }) },
  { method: 'POST', route: '/api/v1/allocation/publications', allowed: ['finance'], region: 'create', call: (f, s) => ({ url: '/api/v1/allocation/publications', body: { title: '分配结果', regionCode: f[s].region, scheme: 'sichuan-2025-training', totalFen: 1000, regions: [{ region: f[s].region, values: { trainees: 1, results: 1 } }] } }) },
  { method: 'GET', route: '/api/v1/bank-layouts', allowed: ['finance'], region: 'none', call: () => ({ url: '/api/v1/bank-layouts' }) },
  // Everything payable is already in a batch.
  { method: 'GET', route: '/api/v1/payment-batches/preview', allowed: ['finance'], region: 'none', call: () => ({ url: '/api/v1/payment-batches/preview' }) },
  { method: 'POST', route: '/api/v1/payment-batches', allowed: ['finance'], region: 'none', also: [409], call: () => ({ url: '/api/v1/payment-batches', body: {} }) },
  { method: 'GET', route: '/api/v1/payment-batches', allowed: FUND_READERS, region: 'list', marker: (r) => r.batch, call: () => ({ url: '/api/v1/payment-batches' }) },
  { method: 'GET', route: '/api/v1/payment-batches/:id', allowed: FUND_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}` }) },
  { method: 'GET', route: '/api/v1/payment-batches/:id/schedule', allowed: FUND_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}/schedule` }) },
  { method: 'GET', route: '/api/v1/payment-batches/:id/file', allowed: ['finance'], region: 'record', call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}/file?again=true` }) },
  { method: 'POST', route: '/api/v1/payment-batches/:id/returns', allowed: ['finance'], region: 'record', call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}/returns`, ...csv('序号,账号,户名,金额,处理结果,失败原因,银行流水号\r\n9,6217000000000000009,某人,1.00,成功,,BK0009\r\n') }) },
  // No import of that id in the fixture's batch: not found (404), never refused for the caller's role or region.
  { method: 'GET', route: '/api/v1/payment-batches/:id/returns/:returnId', allowed: ['finance'], region: 'record', also: [404], call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}/returns/00000000-0000-4000-8000-000000000000` }) },
  { method: 'GET', route: '/api/v1/payment-batches/:id/reconciliation', allowed: FUND_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}/reconciliation` }) },
  // The fixture's item is not a failed one: refused for that (409), never for the caller's role or region.
  { method: 'POST', route: '/api/v1/payment-batches/:id/items/:seq/reissue', allowed: ['finance'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/payment-batches/${f[s].batch}/items/1/reissue` }) },

  // ── spot checks (双随机) ──
  // The set-up drew the region's sample for the day, so drawing again takes a reason (409 without one).
  { method: 'POST', route: '/api/v1/spot-checks', allowed: ['supervisor'], region: 'none', also: [409], call: () => ({ url: '/api/v1/spot-checks', body: { sampleSize: 1, reason: '权限矩阵：重新抽取' } }) },
  { method: 'GET', route: '/api/v1/spot-checks/today', allowed: ['supervisor'], region: 'list', marker: (r) => r.spotCheck, call: () => ({ url: '/api/v1/spot-checks/today' }) },
  // Each inspector's own items, wherever drawn: nothing of another region's to leak.
  { method: 'GET', route: '/api/v1/spot-checks/assigned', allowed: ['supervisor', 'auditor'], region: 'none', call: () => ({ url: '/api/v1/spot-checks/assigned' }) },
  { method: 'GET', route: '/api/v1/spot-checks', allowed: ['supervisor', 'auditor'], region: 'list', marker: (r) => r.spotCheck, call: () => ({ url: '/api/v1/spot-checks' }) },
  { method: 'GET', route: '/api/v1/spot-checks/:id', allowed: ['supervisor', 'auditor'], region: 'record', call: (f, s) => ({ url: `/api/v1/spot-checks/${f[s].spotCheck}` }) },
  { method: 'GET', route: '/api/v1/spot-checks/:id/reproduction', allowed: ['supervisor', 'auditor'], region: 'record', call: (f, s) => ({ url: `/api/v1/spot-checks/${f[s].spotCheck}/reproduction` }) },
  // Only the inspector the draw assigned records the outcome (NOT_YOUR_INSPECTION for the other).
  { method: 'POST', route: '/api/v1/spot-checks/:id/items/:itemId/outcome', allowed: ['supervisor', 'auditor'], region: 'record', also: [403, 409], call: (f, s) => ({ url: `/api/v1/spot-checks/${f[s].spotCheck}/items/${f[s].spotItem}/outcome`, body: { outcome: 'no-problem', note: '核查无误' } }) },

  // ── training: the bureau's catalogues ──
  { method: 'GET', route: '/api/v1/training/demand-catalogue/template', allowed: ['clerk'], region: 'none', call: () => ({ url: '/api/v1/training/demand-catalogue/template' }) },
  { method: 'POST', route: '/api/v1/training/demand-catalogue/import', allowed: ['clerk'], region: 'none', also: [400, 422], call: () => ({ url: '/api/v1/training/demand-catalogue/import', ...csv('职业,行政区划代码\r\n') }) },
  { method: 'POST', route: '/api/v1/training/demand-catalogue', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/training/demand-catalogue', body: { regionCode: f[s].region, occupation: '车工', trainingKind: 'employment-skills', standardFen: 100_000, hours: 40, urgent: false, validFrom: '2026-01-01' } }) },
  { method: 'POST', route: '/api/v1/training/demand-catalogue/:id/removal', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/training/demand-catalogue/${f[s].spareDemandItem}/removal`, body: { reason: '不再需要' } }) },
  { method: 'POST', route: '/api/v1/training/institutions', allowed: ['clerk'], region: 'create', also: [409], call: (f, s) => ({ url: '/api/v1/training/institutions', body: { organisationId: f[s].spareUnit, address: '示例路2号', nature: 'private', capacity: 10, demandItemIds: [f[s].demandItem] } }) },
  { method: 'POST', route: '/api/v1/training/institutions/:id/removal', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/training/institutions/${f[s].spareInstitution}/removal`, body: { reason: '停办' } }) },

  // ── training: classes (an institution's own account, or the bureau) ──
  { method: 'GET', route: '/api/v1/training/my-institutions', allowed: TRAINING, region: 'list', marker: (r) => r.institution, call: () => ({ url: '/api/v1/training/my-institutions' }) },
  { method: 'GET', route: '/api/v1/training/roster-template', allowed: TRAINING, region: 'none', call: () => ({ url: '/api/v1/training/roster-template' }) },
  // Allowed at the role level (institutions log in as applicants); inside, only a listed institution
  // or the bureau, each within its regions (the bug tests in authorization-matrix.test.ts).
  { method: 'POST', route: '/api/v1/training/roster-check', allowed: TRAINING, notOwn: ['applicant'], region: 'none', also: [422], call: (f) => ({ url: '/api/v1/training/roster-check', ...csv(`姓名,身份证号码\r\n学员510104,${f.own.traineeIdNumber}\r\n`) }) },
  { method: 'GET', route: '/api/v1/training/classes', allowed: TRAINING, region: 'list', marker: (r) => r.approvedClass, call: () => ({ url: '/api/v1/training/classes' }) },
  {
    method: 'POST',
    route: '/api/v1/training/classes',
    allowed: TRAINING,
    notOwn: ['applicant'],
    region: 'create',
    // Each permitted role sends the same opening: the second is told it was already applied for.
    also: [409],
    call: (f, s) => ({
      url: '/api/v1/training/classes',
      body: { institutionId: f[s].institution, demandItemId: f[s].demandItem, ...CLASS_DATES, sessions: 2, teachingPlan: '理论与实操', teachers: [{ name: '王老师', qualification: '技师' }], resources: [], assessmentPlan: '实操考核', roster: [{ idNumber: f[s].traineeIdNumber, name: `学员${f[s].region}` }] },
    }),
  },
  { method: 'GET', route: '/api/v1/training/classes/:id', allowed: TRAINING, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].approvedClass}` }) },
  { method: 'GET', route: '/api/v1/training/classes/:id/roster.xlsx', allowed: TRAINING, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].approvedClass}/roster.xlsx` }) },
  { method: 'POST', route: '/api/v1/training/classes/:id/decision', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].appliedClass}/decision`, body: { approve: true } }) },
  { method: 'POST', route: '/api/v1/training/classes/:id/attendance', allowed: TRAINING, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].approvedClass}/attendance`, body: { sessionNo: 1, personIds: [f[s].trainee] } }) },
  { method: 'POST', route: '/api/v1/training/classes/:id/inspections', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].approvedClass}/inspections`, body: { inspectedOn: '2026-11-04', satisfactory: true, finding: '到课与考勤一致' } }) },
  { method: 'POST', route: '/api/v1/training/classes/:id/assessment', allowed: TRAINING, notOwn: ['applicant'], region: 'record', call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].approvedClass}/assessment`, body: { results: [{ personId: f[s].trainee, passed: true, score: 80 }] } }) },
  { method: 'POST', route: '/api/v1/training/classes/:id/completion', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].approvedClass}/completion` }) },
  // The claims are filed once; the second time they are all already filed.
  { method: 'POST', route: '/api/v1/training/classes/:id/claims', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/training/classes/${f[s].completedClass}/claims` }) },

  // ── the audit trail (auditor) ──
  { method: 'GET', route: '/api/v1/audit', allowed: ['auditor'], region: 'list', marker: (r) => r.application, call: () => ({ url: '/api/v1/audit?limit=500' }) },
  { method: 'GET', route: '/api/v1/audit/verification', allowed: ['auditor'], region: 'none', call: () => ({ url: '/api/v1/audit/verification' }) },

  ...SERVICE_ROWS,
];
