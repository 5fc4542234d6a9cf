import { regionLevel } from '@huimin/policy';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { regionRange } from '../regions/region-scope.js';
import { idNumberLookup } from './registry-input.js';
import type { Vault } from '../security/vault.js';

/** What the people list is searched by (人员库查询): the ID number, a name's start, a region. */
export interface PeopleFilter {
  idNumber?: string;
  name?: string;
  regionCode?: string;
}

/** People the caller may see: staff, their regions; an applicant, themself. */
export function visiblePeople(db: Kysely<Database>, actor: Actor) {
  const q = db.selectFrom('person');
  if (actor.permissions.has('registry:read')) return inRegion(q, actor.regionCode);
  return q.where('id', '=', actor.personId ?? NO_ONE);
}

/** The people the caller may see who match the search. */
export function foundPeople(db: Kysely<Database>, vault: Vault, actor: Actor, q: PeopleFilter) {
  let query = visiblePeople(db, actor);
  // A number that cannot be anyone's is said to be wrong, not answered as "nobody registered".
  if (q.idNumber) query = query.where('id_number_hmac', '=', idNumberLookup(vault, q.idNumber));
  if (q.name) query = query.where('name', 'like', `${q.name.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.regionCode) query = inRegion(query, q.regionCode);
  return query;
}

/**
 * People in a region and the regions under it, written so an index can read them in any collation
 * (a LIKE prefix uses one only in C): a county as its one code, so `person_region_name` (0044)
 * gives a page in name order; a city or province as the range of its codes.
 */
function inRegion<O>(q: SelectQueryBuilder<Database, 'person', O>, code: string) {
  if (regionLevel(code) === 'county') return q.where('region_code', '=', code);
  const { low, high } = regionRange(code);
  return q.where('region_code', '>=', low).where('region_code', '<=', high);
}
