import type { Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

/** Applications, their events and the files handed in for them: owned by the applications module. */

export interface ApplicationTable {
  id: Generated<string>;
  number: string;
  subsidy_id: string;
  applicant_kind: 'person' | 'organisation';
  person_id: string | null;
  organisation_id: string | null;
  region_code: string;
  period_key: string;
  /**
   * What a 就业创业服务补助 claim is for within its period (`public-service:春熙路零工驿站`, normalised),
   * '' when it names nothing: part of the one-live-application key (migration 0031).
   */
  service_site: Generated<string>;
  claim: Json;
  state: string;
  version: Generated<number>;
  requested_by: string;
  idempotency_key: string;
  submitted_on: string | null;
  due_on: string | null;
  publicity_ends_on: string | null;
  amount_fen: string | null;
  recovery_fen: string | null;
  /** Paid into this unit's account instead of the applicant's (a training claim the institution is paid for). */
  payee_organisation_id: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApplicationEventTable {
  application_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  /** Empty only for the platform's own step: returning an application whose 容缺 promise lapsed (`lapse`). */
  actor_id: string | null;
  actor_roles: string[];
  step: string | null;
  reason: string | null;
  decision: Json | null;
  facts: Json | null;
  at: CreatedAt;
}

export interface ApplicationEvidenceTable {
  id: Generated<string>;
  application_id: string;
  material: number;
  material_name: Json<{ zh: string; en: string }>;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: CreatedAt;
  /** The number of the application's latest step when the file was handed in (0 before any): after a return, or not. */
  after_event: number;
}

/** What an applicant declared with an application, until the clerk confirms, corrects or rejects it at acceptance. */
export interface ApplicationDeclarationTable {
  id: Generated<string>;
  application_id: string;
  seq: number;
  kind: string;
  data: Json;
  state: Generated<'declared' | 'confirmed' | 'corrected' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | null;
  evidence_id: string | null;
  registry_fact_id: string | null;
  note: string | null;
  created_at: CreatedAt;
}

/**
 * 容缺受理: a material the applicant promised to supply after submitting, by `due_on`; the file that
 * supplied it, the clerk who checked it (or `check_note` on a refusal), or when the promise lapsed.
 */
export interface ApplicationDeferredMaterialTable {
  application_id: string;
  material: number;
  material_name: Json<{ zh: string; en: string }>;
  /** The promise as the applicant signed it, in the language they read it in. */
  promise: string;
  promised_by: string;
  promised_on: string;
  due_on: string;
  /** The region's document allowing it (the parameters' notes or citations). */
  basis: string;
  supplied_evidence_id: string | null;
  supplied_at: Date | null;
  checked_by: string | null;
  checked_at: Date | null;
  check_note: string | null;
  lapsed_at: Date | null;
}
