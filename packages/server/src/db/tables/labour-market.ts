import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';

/** The public labour market (岗位、求职、岗位推荐): owned by the employment-services module (labour-market). */

export type PostingState = 'submitted' | 'refused' | 'published' | 'withdrawn';
/** 'declined': the person said no to it (migration 0054); the others are the unit's answers. */
export type ReferralState = 'referred' | 'interview' | 'hired' | 'refused' | 'declined';

export interface JobPostingTable {
  id: Generated<string>;
  organisation_id: string;
  title: string;
  /** 《中华人民共和国职业分类大典（2022年版）》 code, `6-31-01-03`. */
  occupation_code: string;
  headcount: number;
  /** Monthly pay, in fen. */
  pay_min_fen: number;
  pay_max_fen: number;
  region_code: string;
  place: string;
  requirements: string;
  description: string;
  /** The lowest skill level accepted (5 初级工 … 1 高级技师), if a certificate is asked for. */
  min_level: number | null;
  contact: string;
  valid_from: string;
  valid_to: string;
  state: PostingState;
  refusal: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  posted_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** The text searched by keyword, and its characters and bigrams (decision 019). */
  search_text: string;
  search_terms: ColumnType<string[], string[], string[]>;
}

export interface JobSeekerTable {
  id: Generated<string>;
  person_id: string;
  /** Where the person wants to work. */
  region_code: string;
  occupation_codes: ColumnType<string[], string[], string[]>;
  /** The medium groups (`6-31`) of the wanted occupations: the matching index. */
  occupation_groups: ColumnType<string[], string[], string[]>;
  pay_min_fen: number;
  available_from: string;
  skills: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface JobReferralTable {
  id: Generated<string>;
  posting_id: string;
  seeker_id: string;
  referred_by: string;
  referred_on: string;
  note: string;
  state: ReferralState;
  reason: string | null;
  answered_by: string | null;
  answered_on: string | null;
  hired_on: string | null;
  /** The employment registration the hire made, or why it could not be made (left to a clerk). */
  registration_id: string | null;
  registration_error: string | null;
  /** The person's own reason for declining, and the day (migration 0054); the unit's stay in `reason`. */
  declined_reason: string | null;
  declined_on: string | null;
  created_at: CreatedAt;
}
