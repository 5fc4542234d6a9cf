import type { Kysely } from 'kysely';
import { NO_ONE, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { isInScope } from '../../regions/region-scope.js';
import { findInstitution, type InstitutionRow } from '../institutions/institution-repository.js';
import { findClass, findClassWithOrganisation, type ClassRow } from './class-repository.js';

/**
 * Who may act on a class: the bureau within its regions, and for some steps the institution
 * itself (its own unit's account). Anyone else is told there is no such class or institution.
 */

/** An institution the caller may open a class for: its own, or (bureau) one in its regions. */
export async function institutionFor(
  db: Kysely<Database>,
  actor: Actor,
  institutionId: string,
): Promise<InstitutionRow> {
  const inst = await findInstitution(db, institutionId);
  const own = inst && actor.organisationId === inst.organisation_id;
  const staff = inst && actor.permissions.has('training:manage') && isInScope(actor.regionCode, inst.region_code);
  if (!inst || (!own && !staff)) throw new AppError('INSTITUTION_NOT_FOUND', 404, 'institutionId');
  return inst;
}

/** A class in the bureau's regions, for the steps only the bureau takes. */
export async function staffClass(db: Kysely<Database>, actor: Actor, id: string): Promise<ClassRow> {
  const cls = await findClass(db, id);
  if (!cls || !actor.permissions.has('training:manage') || !isInScope(actor.regionCode, cls.region_code))
    throw new AppError('CLASS_NOT_FOUND', 404);
  return cls;
}

/** A class of the caller's own institution, or one in the bureau's regions. */
export async function classForInstitutionOrStaff(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<ClassRow & { organisation_id: string }> {
  const cls = await findClassWithOrganisation(db, id);
  const staff = cls && actor.permissions.has('training:manage') && isInScope(actor.regionCode, cls.region_code);
  const own = cls && cls.organisation_id === (actor.organisationId ?? NO_ONE);
  if (!cls || (!staff && !own)) throw new AppError('CLASS_NOT_FOUND', 404);
  return cls;
}
