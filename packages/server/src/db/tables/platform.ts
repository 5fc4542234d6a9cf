import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** The audit trail, the working-day calendar, regions and parameter values. */

export interface AuditEntryTable {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string[] | null;
  region_code: string | null;
  ip: string | null;
  action: string;
  outcome: 'success' | 'failure';
  entity_type: string | null;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

/**
 * One row: the first audit entry from which each is no earlier than the one before, and a time no
 * earlier than any entry before it (migration 0059). Kept by a trigger on `audit_entry`; read by a
 * search by days.
 */
export interface AuditTimeOrderTable {
  only_row: Generated<boolean>;
  ordered_from: string;
  older_max_at: Date | null;
}

/**
 * The names the audit trail has recorded its actors by, per region (migration 0060). Kept by a
 * trigger on `audit_entry`; read by a search by part of a name.
 */
export interface AuditActorTable {
  region_code: string;
  actor_name: string;
}

export interface CalendarYearTable {
  year: number;
  holidays: string[];
  workdays: string[];
  loaded_by: string | null;
  loaded_at: CreatedAt;
}

export interface RegionTable {
  code: string;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
  level: 'province' | 'city' | 'county';
}

/** Locally set parameter values (最低工资标准, local standards), kept with who set them and why. */
export interface ParameterValueTable {
  id: Generated<number>;
  parameter: string;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
  value: string;
  source: 'local-setting' | 'example';
  note: string | null;
  created_at: ColumnType<Date, string | undefined, never>;
}
