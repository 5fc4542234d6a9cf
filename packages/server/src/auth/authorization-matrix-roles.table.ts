import type { Role } from './roles.js';
import type { Call } from './authorization-matrix.table.js';

/** Who, by hand, and what the rows send: shared by the matrix's tables. */
export const EVERYONE: readonly Role[] = [
  'applicant',
  'clerk',
  'reviewer',
  'approver',
  'finance',
  'parameter-officer',
  'supervisor',
  'auditor',
  'administrator',
  'security-administrator',
  'case-worker',
  'bank-officer',
  'guarantee-officer',
];
/** Staff who read applications and the registry of their regions; the administrator reads neither. */
export const READERS: readonly Role[] = ['clerk', 'reviewer', 'approver', 'finance', 'supervisor', 'auditor'];
export const READERS_AND_APPLICANT: readonly Role[] = [...READERS, 'applicant'];
/** The registry is also read by the case worker (就业服务专员), who registers people and works their cases. */
export const REGISTRY_READERS: readonly Role[] = [...READERS, 'case-worker'];
/** Those who register employment and unemployment, and file certifications. */
export const REGISTRARS: readonly Role[] = ['clerk', 'case-worker'];
/** Those who see registrations, certifications and assistance cases. */
export const EMPLOYMENT_READERS: readonly Role[] = ['clerk', 'reviewer', 'supervisor', 'auditor', 'case-worker'];
/** Those who see the labour market's postings, seekers, matches and referrals. */
export const LABOUR_READERS: readonly Role[] = ['clerk', 'case-worker'];
export const JOB = {
  title: '车工',
  occupationCode: '6-18-01-01',
  headcount: 2,
  payMinFen: 400_000,
  payMaxFen: 600_000,
  place: '示例路1号',
  requirements: '',
  description: '',
  contact: '人事部',
  validFrom: '2026-11-23',
  validTo: '2027-01-31',
};
/** Those who decide a certification someone else filed. */
export const CERTIFIERS: readonly Role[] = ['reviewer', 'case-worker'];
/** Those who see funds, budgets and payment batches. */
export const FUND_READERS: readonly Role[] = ['approver', 'finance', 'supervisor', 'auditor'];
/** The bureau's clerk, or a training institution through its own (applicant) account. */
export const TRAINING: readonly Role[] = ['clerk', 'applicant'];

export const csv = (text: string): Pick<Call, 'body' | 'headers'> => ({
  body: Buffer.from(text, 'utf8'),
  headers: { 'content-type': 'text/csv' },
});
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const CLASS_DATES = { startsOn: '2026-12-07', endsOn: '2026-12-18' };
export const STEP: Partial<Record<Role | 'anonymous', string>> = {
  applicant: 'withdraw',
  clerk: 'accept',
  reviewer: 'review',
  approver: 'approve',
  finance: 'pay',
};
