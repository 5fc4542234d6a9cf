import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.js';

/** Employment services (就业失业登记、就业困难人员认定、就业援助): owned by the employment-services module. */

export type RegistrationKind = 'employment' | 'unemployment';
export type RegistrationEndReason =
  | 'employed' // 已就业
  | 'enrolled' // 升学
  | 'enlisted' // 应征入伍
  | 'retired' // 达到法定退休年龄或已办理退休
  | 'moved-away' // 迁出本地
  | 'no-contact' // 连续6个月未与公共就业服务机构联系
  | 'left-job' // 解除或终止劳动关系（就业登记的终止）
  | 'unemployed' // 办理失业登记（就业登记的终止）
  | 'died';

export interface EmploymentRegistrationTable {
  id: Generated<string>;
  person_id: string;
  kind: RegistrationKind;
  region_code: string;
  /** Registered where the person lives (常住地) or where their 户籍 is. */
  basis: 'residence' | 'hukou';
  community: string | null;
  starts_on: string;
  ends_on: string | null;
  end_reason: RegistrationEndReason | null;
  employment_kind: 'labour-contract' | 'flexible' | 'public-welfare-post' | null;
  employer_credit_code: string | null;
  /** 就业创业证 number: issued at the person's first registration, kept for later ones. */
  card_number: string;
  last_contact_on: string;
  fact_id: string | null;
  created_by: string;
  created_at: CreatedAt;
  ended_by: string | null;
}

export type CertificationState = 'filed' | 'certified' | 'refused' | 'exited';
export type CertificationExitReason = 'employed' | 'expired' | 'review-failed' | 'moved-away' | 'retired';

export interface HardshipCertificationTable {
  id: Generated<string>;
  person_id: string;
  region_code: string;
  category: string;
  /** What the filer attached; none when the list that holds the category verified it. */
  evidence: string | null;
  /** The 民政/乡村振兴 list snapshot that held the person in the category on the filing day. */
  verified_by_snapshot: string | null;
  state: CertificationState;
  filed_by: string;
  filed_at: CreatedAt;
  decided_by: string | null;
  decided_on: string | null;
  decision_reason: string | null;
  valid_from: string | null;
  valid_to: string | null;
  review_due: string | null;
  exited_on: string | null;
  exit_reason: CertificationExitReason | null;
  fact_id: string | null;
}

export type AssistanceKind = 'hard-to-employ' | 'zero-employment-household' | 'graduate';
export type ContactKind = 'contact' | 'guidance' | 'referral' | 'training-offer' | 'internship-offer';

export interface CaseWorkerAreaTable {
  account_id: string;
  region_code: string;
  community: string;
}

export interface AssistanceCaseTable {
  id: Generated<string>;
  kind: AssistanceKind;
  person_id: string;
  household_id: string | null;
  region_code: string;
  community: string | null;
  case_worker_id: string | null;
  opened_on: string;
  due_on: string;
  closed_on: string | null;
  close_reason: 'employed' | 'promise-kept' | 'certification-ended' | 'moved-away' | null;
  created_at: CreatedAt;
}

export interface AssistanceContactTable {
  id: Generated<string>;
  case_id: string;
  kind: ContactKind;
  happened_on: string;
  note: string;
  /** The posting a referral was to; null for other contacts and for referrals logged before 0051. */
  posting_id: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
}
