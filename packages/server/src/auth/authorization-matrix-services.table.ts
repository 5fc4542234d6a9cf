import type { Row } from './authorization-matrix.table.js';
import {
  READERS,
  REGISTRARS,
  EMPLOYMENT_READERS,
  LABOUR_READERS,
  JOB,
  CERTIFIERS,
  csv,
} from './authorization-matrix-roles.table.js';

/**
 * The matrix's rows for the employment services, the labour market, the gig market, recruitment
 * events and start-up loans: read with authorization-matrix.table.ts, which explains the columns.
 */
// One row per line: the matrix is read as a table, route by route (decision 017).
// prettier-ignore
export const SERVICE_ROWS: readonly Row[] = [
  // ── employment services (就业失业登记、就业困难人员认定、就业援助) ──
  { method: 'POST', route: '/api/v1/employment-services/registrations', allowed: REGISTRARS, region: 'create', call: async (f, s) => ({ url: '/api/v1/employment-services/registrations', body: { personId: await f.freshPerson(s), kind: 'unemployment', regionCode: f[s].region, basis: 'residence', startsOn: '2026-11-01' } }) },
  { method: 'GET', route: '/api/v1/employment-services/registrations', allowed: EMPLOYMENT_READERS, region: 'list', marker: (r) => r.registration, call: () => ({ url: '/api/v1/employment-services/registrations' }) },
  { method: 'POST', route: '/api/v1/employment-services/registrations/:id/end', allowed: REGISTRARS, region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/employment-services/registrations/${f[s].spareRegistration}/end`, body: { endsOn: '2026-11-20', reason: 'enrolled' } }) },
  { method: 'POST', route: '/api/v1/employment-services/registrations/:id/contact', allowed: REGISTRARS, region: 'record', call: (f, s) => ({ url: `/api/v1/employment-services/registrations/${f[s].registration}/contact` }) },
  { method: 'GET', route: '/api/v1/employment-services/registrations/import-template', allowed: REGISTRARS, region: 'none', call: () => ({ url: '/api/v1/employment-services/registrations/import-template' }) },
  // A closed historic period for the trainee: the first caller imports it, later ones overlap it (422).
  { method: 'POST', route: '/api/v1/employment-services/registrations/import', allowed: REGISTRARS, region: 'create', also: [422], call: (f, s) => ({ url: '/api/v1/employment-services/registrations/import', ...csv(`身份证号码,登记类型,登记地行政区划代码,登记地,登记日期,终止日期,终止原因\r\n${f[s].traineeIdNumber},失业登记,${f[s].region},常住地,2025-01-01,2025-06-30,已就业\r\n`) }) },
  { method: 'POST', route: '/api/v1/employment-services/registrations/contribution-review', allowed: REGISTRARS, region: 'none', call: () => ({ url: '/api/v1/employment-services/registrations/contribution-review' }) },
  { method: 'POST', route: '/api/v1/employment-services/registrations/no-contact-review', allowed: REGISTRARS, region: 'none', call: () => ({ url: '/api/v1/employment-services/registrations/no-contact-review' }) },
  { method: 'GET', route: '/api/v1/employment-services/people/:id/registrations', allowed: EMPLOYMENT_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/employment-services/people/${f[s].registrant}/registrations` }) },
  { method: 'GET', route: '/api/v1/employment-services/my-registrations', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/employment-services/my-registrations' }) },
  { method: 'POST', route: '/api/v1/employment-services/my-registrations', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/employment-services/my-registrations', body: { regionCode: '510104', basis: 'residence', startsOn: '2026-11-23' } }) },
  { method: 'POST', route: '/api/v1/employment-services/certifications', allowed: REGISTRARS, region: 'create', call: async (f, s) => ({ url: '/api/v1/employment-services/certifications', body: { personId: await f.freshPerson(s), category: 'disabled', evidence: '残疾人证（示例）' } }) },
  { method: 'GET', route: '/api/v1/employment-services/certifications', allowed: EMPLOYMENT_READERS, region: 'list', marker: (r) => r.certification, call: () => ({ url: '/api/v1/employment-services/certifications' }) },
  { method: 'POST', route: '/api/v1/employment-services/certifications/:id/decision', allowed: CERTIFIERS, region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/employment-services/certifications/${f[s].certification}/decision`, body: { certify: true } }) },
  { method: 'POST', route: '/api/v1/employment-services/certifications/:id/exit', allowed: CERTIFIERS, region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/employment-services/certifications/${f[s].certified}/exit`, body: { exitedOn: '2026-11-23', reason: 'moved-away' } }) },
  { method: 'POST', route: '/api/v1/employment-services/certifications/:id/review', allowed: CERTIFIERS, region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/employment-services/certifications/${f[s].certification}/review`, body: { note: '入户复核' } }) },
  { method: 'GET', route: '/api/v1/employment-services/my-certifications', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/employment-services/my-certifications' }) },
  { method: 'POST', route: '/api/v1/employment-services/my-certifications', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/employment-services/my-certifications', body: { category: 'disabled', evidence: '残疾人证（示例）' } }) },
  { method: 'GET', route: '/api/v1/employment-services/cases', allowed: EMPLOYMENT_READERS, region: 'list', marker: (r) => r.assistanceCase, call: () => ({ url: '/api/v1/employment-services/cases' }) },
  { method: 'GET', route: '/api/v1/employment-services/cases.xlsx', allowed: EMPLOYMENT_READERS, region: 'none', call: () => ({ url: '/api/v1/employment-services/cases.xlsx?overdue=true' }) },
  { method: 'POST', route: '/api/v1/employment-services/cases/:id/contacts', allowed: ['case-worker'], region: 'record', call: (f, s) => ({ url: `/api/v1/employment-services/cases/${f[s].assistanceCase}/contacts`, body: { kind: 'contact', happenedOn: '2026-11-23', note: '电话回访' } }) },
  { method: 'GET', route: '/api/v1/employment-services/households', allowed: EMPLOYMENT_READERS, region: 'none', call: () => ({ url: '/api/v1/employment-services/households' }) },
  { method: 'GET', route: '/api/v1/employment-services/my-cases', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/employment-services/my-cases' }) },

  // ── the labour market (岗位、求职、岗位推荐) ──
  { method: 'GET', route: '/api/v1/labour-market/occupations', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/labour-market/occupations' }) },
  { method: 'GET', route: '/api/v1/labour-market/jobs', allowed: 'public', region: 'none', call: () => ({ url: `/api/v1/labour-market/jobs?region=510104&q=${encodeURIComponent('车工')}` }) },
  { method: 'GET', route: '/api/v1/labour-market/jobs/:id', allowed: 'public', region: 'none', call: (f) => ({ url: `/api/v1/labour-market/jobs/${f.own.posting}` }) },
  // The matrix's applicant is a person, not a unit: past the role check, the unit's routes refuse them (NOT_A_UNIT).
  { method: 'GET', route: '/api/v1/labour-market/my-postings', allowed: ['applicant'], region: 'none', also: [403], call: () => ({ url: '/api/v1/labour-market/my-postings' }) },
  { method: 'POST', route: '/api/v1/labour-market/my-postings', allowed: ['applicant'], region: 'none', also: [403], call: () => ({ url: '/api/v1/labour-market/my-postings', body: { ...JOB, regionCode: '510104' } }) },
  { method: 'PUT', route: '/api/v1/labour-market/my-postings/:id', allowed: ['applicant'], region: 'none', also: [403], call: (f) => ({ url: `/api/v1/labour-market/my-postings/${f.own.sparePosting}`, body: { ...JOB, regionCode: '510104' } }) },
  { method: 'POST', route: '/api/v1/labour-market/my-postings/:id/withdrawal', allowed: ['applicant'], region: 'none', also: [403], call: (f) => ({ url: `/api/v1/labour-market/my-postings/${f.own.sparePosting}/withdrawal` }) },
  { method: 'GET', route: '/api/v1/labour-market/my-referrals', allowed: ['applicant'], region: 'none', also: [403], call: () => ({ url: '/api/v1/labour-market/my-referrals' }) },
  { method: 'POST', route: '/api/v1/labour-market/my-referrals/:id/answer', allowed: ['applicant'], region: 'none', also: [404], call: (f) => ({ url: `/api/v1/labour-market/my-referrals/${f.own.referral}/answer`, body: { answer: 'interview' } }) },
  { method: 'GET', route: '/api/v1/labour-market/my-profile', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/labour-market/my-profile' }) },
  { method: 'PUT', route: '/api/v1/labour-market/my-profile', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/labour-market/my-profile', body: { regionCode: '510104', occupationCodes: ['6-18-01-01'], payMinFen: 400_000, availableFrom: '2026-11-23', skills: '' } }) },
  { method: 'GET', route: '/api/v1/labour-market/my-profile/referrals', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/labour-market/my-profile/referrals' }) },
  // The matrix's applicant is not the person referred: past the role check, another's referral is not found.
  { method: 'POST', route: '/api/v1/labour-market/my-profile/referrals/:id/decline', allowed: ['applicant'], region: 'none', also: [404], call: (f) => ({ url: `/api/v1/labour-market/my-profile/referrals/${f.own.referral}/decline`, body: { reason: '已找到工作' } }) },
  { method: 'GET', route: '/api/v1/labour-market/my-matches', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/labour-market/my-matches' }) },
  { method: 'GET', route: '/api/v1/labour-market/postings', allowed: LABOUR_READERS, region: 'list', marker: (r) => r.posting, call: () => ({ url: '/api/v1/labour-market/postings' }) },
  { method: 'GET', route: '/api/v1/labour-market/postings.xlsx', allowed: LABOUR_READERS, region: 'none', call: () => ({ url: '/api/v1/labour-market/postings.xlsx?state=published' }) },
  { method: 'GET', route: '/api/v1/labour-market/postings/import-template', allowed: ['clerk'], region: 'none', call: () => ({ url: '/api/v1/labour-market/postings/import-template' }) },
  { method: 'POST', route: '/api/v1/labour-market/postings/import', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/postings/import?organisationId=${f[s].organisation}`, ...csv(`岗位名称,职业,招聘人数,月薪下限（元）,月薪上限（元）,工作地区代码,工作地点,联系方式,有效期起,有效期至\r\n矩阵导入,车工,1,4000,5000,${f[s].region},示例路1号,人事部,2026-11-23,2027-01-31\r\n`) }) },
  { method: 'POST', route: '/api/v1/labour-market/postings', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/labour-market/postings', body: { organisationId: f[s].organisation, ...JOB, regionCode: f[s].region } }) },
  { method: 'GET', route: '/api/v1/labour-market/postings/:id', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/postings/${f[s].posting}` }) },
  // The spare posting is corrected (back to review) and withdrawn; whichever runs second may find it withdrawn.
  { method: 'PUT', route: '/api/v1/labour-market/postings/:id', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/labour-market/postings/${f[s].sparePosting}`, body: { ...JOB, regionCode: f[s].region } }) },
  { method: 'POST', route: '/api/v1/labour-market/postings/:id/withdrawal', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/labour-market/postings/${f[s].sparePosting}/withdrawal` }) },
  // Reviewed once; afterwards it is no longer waiting (409), or the clerk corrected it themself (403 SOD_OWN_POSTING).
  { method: 'POST', route: '/api/v1/labour-market/postings/:id/review', allowed: ['clerk'], region: 'record', also: [403, 409], call: (f, s) => ({ url: `/api/v1/labour-market/postings/${f[s].sparePosting}/review`, body: { publish: false, reason: '矩阵测试' } }) },
  { method: 'GET', route: '/api/v1/labour-market/postings/:id/matches', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/postings/${f[s].posting}/matches` }) },
  // ── the gig market (零工市场、零工驿站) ──
  { method: 'GET', route: '/api/v1/labour-market/gigs', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/labour-market/gigs?region=510104' }) },
  { method: 'GET', route: '/api/v1/labour-market/gig-stations', allowed: LABOUR_READERS, region: 'list', marker: (r) => r.gigStation, call: () => ({ url: '/api/v1/labour-market/gig-stations' }) },
  { method: 'POST', route: '/api/v1/labour-market/gig-stations', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/labour-market/gig-stations', body: { name: `矩阵驿站${f.key()}`, regionCode: f[s].region, operatorId: f[s].organisation, address: '示例路3号', openedOn: '2026-06-01' } }) },
  { method: 'GET', route: '/api/v1/labour-market/gig-stations/:id/gigs', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/gig-stations/${f[s].gigStation}/gigs` }) },
  { method: 'POST', route: '/api/v1/labour-market/gig-stations/:id/gigs', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/gig-stations/${f[s].gigStation}/gigs`, body: { organisationId: f[s].organisation, payUnit: 'piece', ...JOB, validTo: '2026-12-10', regionCode: f[s].region } }) },
  { method: 'GET', route: '/api/v1/labour-market/gig-stations/:id/workers', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/gig-stations/${f[s].gigStation}/workers` }) },
  { method: 'PUT', route: '/api/v1/labour-market/gig-stations/:id/workers', allowed: ['clerk'], region: 'record', call: async (f, s) => ({ url: `/api/v1/labour-market/gig-stations/${f[s].gigStation}/workers`, body: { personId: await f.freshPerson(s), skills: '', registeredOn: '2026-11-23' } }) },
  // The worker is placed in the gig once; a second permitted caller finds the pair matched (409).
  { method: 'POST', route: '/api/v1/labour-market/gig-stations/:id/matches', allowed: ['clerk'], region: 'record', also: [409], call: (f, s) => ({ url: `/api/v1/labour-market/gig-stations/${f[s].gigStation}/matches`, body: { postingId: f[s].gig, workerId: f[s].gigWorker, matchedOn: '2026-11-23' } }) },
  { method: 'GET', route: '/api/v1/labour-market/gig-stations/:id/figures', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/gig-stations/${f[s].gigStation}/figures?month=2026-11` }) },
  // ── recruitment events and live streams (招聘活动、直播带岗) ──
  { method: 'GET', route: '/api/v1/labour-market/events', allowed: LABOUR_READERS, region: 'list', marker: (r) => r.event, call: () => ({ url: '/api/v1/labour-market/events' }) },
  { method: 'POST', route: '/api/v1/labour-market/events', allowed: ['clerk'], region: 'create', call: (f, s) => ({ url: '/api/v1/labour-market/events', body: { kind: 'fair', title: '招聘会', regionCode: f[s].region, base: '人力资源市场', brand: '', anchor: '', startsAt: '2026-11-30T09:00:00+08:00', endsAt: '2026-11-30T12:00:00+08:00', postingIds: [f[s].posting] } }) },
  { method: 'GET', route: '/api/v1/labour-market/events/:id', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/events/${f[s].event}` }) },
  { method: 'GET', route: '/api/v1/labour-market/events/:id/cvs', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/events/${f[s].event}/cvs` }) },
  // A person sends a CV to the live stream's posting: once (409 after), or 409 until they have a job-seeking profile.
  { method: 'POST', route: '/api/v1/labour-market/events/:id/cvs', allowed: ['applicant'], region: 'none', also: [409], call: (f) => ({ url: `/api/v1/labour-market/events/${f.own.event}/cvs`, body: { postingId: f.own.posting } }) },
  { method: 'GET', route: '/api/v1/labour-market/live-events', allowed: ['applicant'], region: 'none', call: () => ({ url: '/api/v1/labour-market/live-events' }) },
  { method: 'PUT', route: '/api/v1/labour-market/events/:id/results', allowed: ['clerk'], region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/events/${f[s].pastEvent}/results`, body: { views: 100, cvs: 3, interviews: 2, hires: 1 } }) },
  { method: 'GET', route: '/api/v1/labour-market/seekers', allowed: LABOUR_READERS, region: 'list', marker: (r) => r.seeker, call: () => ({ url: '/api/v1/labour-market/seekers' }) },
  { method: 'PUT', route: '/api/v1/labour-market/seekers', allowed: ['clerk'], region: 'create', call: async (f, s) => ({ url: '/api/v1/labour-market/seekers', body: { personId: await f.freshPerson(s), regionCode: f[s].region, occupationCodes: ['6-31-01-03'], payMinFen: 300_000, availableFrom: '2026-11-23', skills: '' } }) },
  { method: 'GET', route: '/api/v1/labour-market/seekers/:id', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/seekers/${f[s].seeker}` }) },
  { method: 'GET', route: '/api/v1/labour-market/seekers/:id/matches', allowed: LABOUR_READERS, region: 'record', call: (f, s) => ({ url: `/api/v1/labour-market/seekers/${f[s].seeker}/matches` }) },
  { method: 'GET', route: '/api/v1/labour-market/referrals', allowed: LABOUR_READERS, region: 'list', marker: (r) => r.referral, call: () => ({ url: '/api/v1/labour-market/referrals' }) },
  // The seeker is referred to the posting already: past the role check, a second referral is 409.
  { method: 'POST', route: '/api/v1/labour-market/referrals', allowed: ['clerk', 'case-worker'], region: 'create', also: [409], call: (f, s) => ({ url: '/api/v1/labour-market/referrals', body: { seekerId: f[s].seeker, postingId: f[s].posting, note: '' } }) },
  // ── start-up guaranteed loans (创业担保贷款) ──
  // The matrix's bank and guarantee officers belong to no institution, so their routes answer 404
  // past the role check; loans.test.ts walks them with institutions and loans in two regions' worth.
  { method: 'GET', route: '/api/v1/loans/institutions', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/loans/institutions?region=510104' }) },
  { method: 'GET', route: '/api/v1/loans/terms', allowed: 'public', region: 'none', call: () => ({ url: '/api/v1/loans/terms?region=510104&borrower=individual' }) },
  { method: 'POST', route: '/api/v1/loans/institutions', allowed: ['clerk'], region: 'create', also: [409], call: (f, s) => ({ url: '/api/v1/loans/institutions', body: { organisationId: f[s].organisation, kind: 'guarantor', guaranteeFundFen: 100_000_000 } }) },
  // No loan policy is in force in 510104 on the matrix's day (四川 34号 ended 2025-12-31).
  { method: 'POST', route: '/api/v1/loans', allowed: ['applicant'], region: 'none', selfOnly: ['applicant'], also: [422], call: () => ({ url: '/api/v1/loans', body: { borrower: 'individual', requestedFen: 10_000_000, termMonths: 36, purpose: '开店', bankId: '00000000-0000-4000-8000-000000000001', guarantorId: '00000000-0000-4000-8000-000000000002' } }) },
  { method: 'GET', route: '/api/v1/loans', allowed: [...READERS, 'applicant', 'bank-officer', 'guarantee-officer'], region: 'none', call: () => ({ url: '/api/v1/loans' }) },
  { method: 'GET', route: '/api/v1/loans/register', allowed: READERS, region: 'none', call: () => ({ url: '/api/v1/loans/register' }) },
  { method: 'GET', route: '/api/v1/loans/:id', allowed: [...READERS, 'applicant', 'bank-officer', 'guarantee-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003' }) },
  { method: 'POST', route: '/api/v1/loans/:id/qualification', allowed: ['reviewer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/qualification', body: { approve: true } }) },
  { method: 'POST', route: '/api/v1/loans/:id/guarantee', allowed: ['guarantee-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/guarantee', body: { approve: true } }) },
  { method: 'POST', route: '/api/v1/loans/:id/contract', allowed: ['bank-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/contract', body: { principalFen: 100, annualRateBp: 300, termMonths: 12, disbursedOn: '2026-11-01' } }) },
  { method: 'POST', route: '/api/v1/loans/:id/extension', allowed: ['bank-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/extension', body: { extendedTo: '2027-11-01', reason: '受灾' } }) },
  { method: 'POST', route: '/api/v1/loans/:id/repayment', allowed: ['bank-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/repayment', body: { on: '2026-11-01' } }) },
  { method: 'POST', route: '/api/v1/loans/:id/default', allowed: ['bank-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/default', body: { on: '2026-11-01', reason: '逾期' } }) },
  { method: 'POST', route: '/api/v1/loans/:id/compensation', allowed: ['guarantee-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/00000000-0000-4000-8000-000000000003/compensation', body: { amountFen: 100, compensatedOn: '2026-11-01' } }) },
  { method: 'POST', route: '/api/v1/loans/claims', allowed: ['clerk'], region: 'none', call: () => ({ url: '/api/v1/loans/claims' }) },
  { method: 'GET', route: '/api/v1/loans/awards', allowed: READERS, region: 'none', call: () => ({ url: '/api/v1/loans/awards?year=2025' }) },
  { method: 'POST', route: '/api/v1/loans/awards', allowed: ['clerk'], region: 'none', call: () => ({ url: '/api/v1/loans/awards', body: { year: 2025 } }) },
  { method: 'GET', route: '/api/v1/loans/statements/template', allowed: ['bank-officer'], region: 'none', call: () => ({ url: '/api/v1/loans/statements/template' }) },
  { method: 'POST', route: '/api/v1/loans/statements', allowed: ['bank-officer'], region: 'none', also: [404], call: () => ({ url: '/api/v1/loans/statements', ...csv('贷款编号,结息期间,贷款余额（元）,执行年利率（%）,本期利息（元）,是否按期还款\r\nDB1,2026-Q3,1.00,3.00,0.01,是\r\n') }) },
];
