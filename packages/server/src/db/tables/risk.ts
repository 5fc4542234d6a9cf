import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** Reference data from other departments, risk flags and spot checks. */

export type ReferenceKind =
  | 'deaths'
  | 'civil-service-roster'
  | 'business-registry'
  | 'social-insurance'
  | 'unemployment-registrations'
  | 'poverty-monitoring'
  | 'graduate-records'
  | 'social-assistance';

export interface ReferenceSnapshotTable {
  id: Generated<string>;
  kind: ReferenceKind;
  taken_on: string;
  source: string;
  rows: number;
  imported_by: string;
  imported_at: CreatedAt;
  /** The importing clerk's region: the snapshot serves the applications of this region and below. */
  region_code: string;
  /** The rows as imported (sha256): one snapshot per dataset, region, day and content. Null before 0034. */
  content_hash: string | null;
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
  /** The bureau's day the draw belongs to; with region_code, the scope of "one draw" (0048). */
  period: string;
  /** A redraw: the first draw of the region and day, kept on record, and why it was drawn again. */
  redraw_of: string | null;
  reason: string | null;
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
