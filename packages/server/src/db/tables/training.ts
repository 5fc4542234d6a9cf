import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** Vocational training: the two catalogues, classes and certificates. */

export interface TrainingDemandItemTable {
  id: Generated<string>;
  region_code: string;
  occupation: string;
  level: number | null;
  training_kind: 'employment-skills' | 'entrepreneurship';
  standard_fen: string;
  hours: number;
  urgent: boolean;
  /** Paid to the trainee (直补个人) or to the institution (项目制、先垫后补); migration 0015. */
  payee: Generated<'trainee' | 'institution'>;
  valid_from: string;
  valid_to: string | null;
  removed_on: string | null;
  removed_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface TrainingInstitutionTable {
  id: Generated<string>;
  region_code: string;
  organisation_id: string;
  name: string;
  address: string;
  nature: 'public' | 'private' | 'enterprise' | 'school';
  capacity: number;
  status: Generated<'listed' | 'removed'>;
  removed_on: string | null;
  removed_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface TrainingClassTable {
  id: Generated<string>;
  number: string;
  institution_id: string;
  demand_item_id: string;
  region_code: string;
  starts_on: string;
  ends_on: string;
  sessions: number;
  teaching_plan: string;
  teachers: Json<{ name: string; qualification: string }[]>;
  resources: Json<string[]>;
  assessment_plan: string;
  state: 'applied' | 'approved' | 'rejected' | 'completed';
  applied_by: string;
  decided_by: string | null;
  decision_reason: string | null;
  completed_by: string | null;
  created_at: CreatedAt;
}

export interface TrainingCertificateTable {
  serial: string;
  class_id: string;
  person_id: string;
  occupation: string;
  level: number | null;
  training_kind: string;
  institution_name: string;
  starts_on: string;
  ends_on: string;
  issued_on: string;
}
