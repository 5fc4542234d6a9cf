import type { Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

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

/**
 * One part of a sweep (migration 0040, decision 009): a (region, id) range of people and of units,
 * walked by whichever worker takes it, with its own saved place. A null end is open.
 */
export interface SweepPartTable {
  sweep_job_id: string;
  part: number;
  people_after_region: string | null;
  people_after_id: string | null;
  people_upto_region: string | null;
  people_upto_id: string | null;
  units_after_region: string | null;
  units_after_id: string | null;
  units_upto_region: string | null;
  units_upto_id: string | null;
  phase: Generated<'people' | 'units' | 'done'>;
  cursor_region: string | null;
  cursor: string | null;
  people_done: Generated<number>;
  units_done: Generated<number>;
  updated_at: UpdatedAt;
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
  /** The sweep that made it; null for an offer a hire made (origin 'hire', migration 0032). */
  sweep_job_id: string | null;
  created_at: CreatedAt;
  origin: Generated<'sweep' | 'hire'>;
  /** A hire's offer: the hires it is for (`HireOfferHire[]` in proactive/hire-offer-service.ts). */
  hires: Json | null;
  /** A hire's offer: the engine's decision that made it, with its articles. */
  decision: Json | null;
}
