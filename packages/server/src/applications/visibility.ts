import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';

/** Applications the caller may see: staff, their regions; an applicant, their own. */
export function visibleApplications(db: Kysely<Database> | Transaction<Database>, actor: Actor) {
  const q = db.selectFrom('application');
  if (actor.permissions.has('application:read') || actor.permissions.has('application:create')) {
    return q.where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
  }
  return q.where((eb) =>
    eb.or([
      eb('requested_by', '=', actor.accountId),
      ...(actor.personId ? [eb('person_id', '=', actor.personId)] : []),
      ...(actor.organisationId ? [eb('organisation_id', '=', actor.organisationId)] : []),
    ]),
  );
}
