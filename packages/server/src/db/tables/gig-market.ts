import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.js';

/** The gig market (零工市场、零工驿站): owned by the employment-services module (labour-market). */

export type GigPayUnit = 'day' | 'piece';

export interface GigStationTable {
  id: Generated<string>;
  name: string;
  region_code: string;
  /** The registry organisation that runs the station (a street office, a service agency). */
  operator_id: string;
  address: string;
  opened_on: string;
  created_by: string;
  created_at: CreatedAt;
}

/** A job posting offered through a station, paid by the day or the piece (its pay range is per unit). */
export interface GigPostingTable {
  posting_id: string;
  station_id: string;
  pay_unit: GigPayUnit;
}

export interface GigWorkerTable {
  id: Generated<string>;
  station_id: string;
  person_id: string;
  skills: string;
  registered_on: string;
  created_by: string;
  created_at: CreatedAt;
}

/** A worker the station placed in a gig (撮合成功). */
export interface GigMatchTable {
  id: Generated<string>;
  station_id: string;
  posting_id: string;
  worker_id: string;
  matched_on: string;
  created_by: string;
  created_at: CreatedAt;
}
