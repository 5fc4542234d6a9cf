import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it. Each table is created by a migration in ./migrations; this file
 * only describes them for type checking.
 */
export interface Database {
  region: RegionTable;
  parameter_value: ParameterValueTable;
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
