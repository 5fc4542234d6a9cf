import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

/** People, units and their dated facts (人员库、单位库): owned by the registry module. */

export interface PersonTable {
  bank_account_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_masked: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>;
  id_number_hmac: string;
  id_number_cipher: string;
  id_number_masked: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  retirement_category: 'male' | 'female-cadre' | 'female-worker' | null;
  region_code: string;
  hukou_region: string | null;
  household_id: string | null;
  rural: boolean | null;
  phone_cipher: string | null;
  phone_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  address_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  address_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  phone_masked: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrganisationTable {
  bank_account_hmac: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_masked: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  id: Generated<string>;
  credit_code: string;
  credit_code_override: string | null;
  name: string;
  category: string;
  size_class: 'large' | 'medium' | 'small' | 'micro' | null;
  region_code: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RegistryFactTable {
  id: Generated<string>;
  person_id: string | null;
  organisation_id: string | null;
  kind: string;
  data: Json;
  source: 'manual' | 'import' | 'demo' | 'training' | 'employment-services' | 'reference' | 'declaration';
  /** For `reference`: the snapshot; for `declaration`: the application, declaration and evidence it was confirmed from. */
  provenance: ColumnType<unknown, string | null | undefined, string | null>;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  retracted_at: Date | null;
  retracted_by: string | null;
  retraction_reason: string | null;
}
