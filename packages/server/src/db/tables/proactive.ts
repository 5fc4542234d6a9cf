import type { Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from './columns.js';

/** The proactive sweep and its offers. */

export interface SweepJobTable {
  id: Generated<string>;
  region_code: string;
  judged_on: string;
  state: 'running' | 'done' | 'failed';
  cursor: string | null;
  people_total: number;
  people_done: Generated<number>;
  offers_created: Generated<number>;
  phase: Generated<'people' | 'units'>;
  cursor_region: string | null;
  units_total: Generated<number>;
  units_done: Generated<number>;
  applications_filed: Generated<number>;
  started_by: string;
  started_at: CreatedAt;
  updated_at: UpdatedAt;
  finished_at: Date | null;
  error: string | null;
}

export interface OfferTable {
  id: Generated<string>;
  person_id: string | null;
  organisation_id: string | null;
  subsidy_id: string;
  period_key: string;
  region_code: string;
  amount_fen: string | null;
  no_application: Generated<boolean>;
  state: 'open' | 'confirmed' | 'declined' | 'filed';
  application_id: string | null;
  sweep_job_id: string;
  created_at: CreatedAt;
}
