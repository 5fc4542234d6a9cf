import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.js';

/** Recruitment events and live streams (招聘活动、直播带岗): owned by the employment-services module (labour-market). */

export type EventKind = 'fair' | 'live-stream';

export interface RecruitmentEventTable {
  id: Generated<string>;
  kind: EventKind;
  title: string;
  region_code: string;
  /** The live-stream base (直播基地) or the fair's venue. */
  base: string;
  brand: string;
  anchor: string;
  starts_at: Date;
  ends_at: Date;
  /** Results, entered after the event. */
  views: number | null;
  cvs: number | null;
  interviews: number | null;
  hires: number | null;
  results_by: string | null;
  results_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface RecruitmentEventPostingTable {
  event_id: string;
  posting_id: string;
}

export interface RecruitmentCvTable {
  id: Generated<string>;
  event_id: string;
  posting_id: string;
  seeker_id: string;
  submitted_at: Date;
}
