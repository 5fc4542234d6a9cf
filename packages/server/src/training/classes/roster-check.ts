import type { Kysely } from 'kysely';
import { NO_ONE, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { isInScope } from '../../regions/region-scope.js';
import { fromError, readRows, rejectIfAny, type ImportProblem } from '../../registry/import/sheet.js';
import { readTable } from '../../registry/import/tabular.js';
import type { Vault } from '../../security/vault.js';
import { listedRegionOf } from '../institutions/institution-repository.js';
import { peopleByIdHashes } from './class-repository.js';
import { readRosterRow, ROSTER_COLUMNS } from './roster-sheets.js';

export interface CheckedRoster {
  trainees: { row: number; idNumber: string; name: string; idNumberMasked: string }[];
}

/**
 * A roster sheet (培训学员名册) checked before the opening is applied for: every ID number valid,
 * in the registry and under the name written next to it (real name, 实名制), none twice. All or
 * nothing, with every problem by row. The uploader gets back the roster it sent, with each
 * trainee's registry name and masked number for display.
 *
 * Only the bureau, within its regions, and a listed institution, within its city, may check names
 * against the registry: to anyone else the answer would say who is registered under which name.
 */
/**
 * Where the people a caller may put on a roster live: the bureau's own regions, or a listed
 * institution's city. Names are checked against the registry only there.
 */
export async function rosterScope(db: Kysely<Database>, actor: Actor): Promise<string> {
  if (actor.permissions.has('training:manage')) return actor.regionCode;
  const listed = await listedRegionOf(db, actor.organisationId ?? NO_ONE);
  if (!listed) throw new AppError('NOT_A_TRAINING_INSTITUTION', 403);
  return `${listed.region_code.slice(0, 4)}00`;
}

export async function checkRoster(
  db: Kysely<Database>,
  vault: Vault,
  actor: Actor,
  file: Buffer,
): Promise<CheckedRoster> {
  const scope = await rosterScope(db, actor);
  const problems: ImportProblem[] = [];
  const rows = readRows(await readTable(file), ROSTER_COLUMNS, ['idNumber'], problems);
  const column = (field: string) => ROSTER_COLUMNS.find((c) => c.key === field);
  const read: { row: number; name: string; idNumber: string; hash: string }[] = [];
  const seen = new Map<string, number>();
  for (const { number, row } of rows) {
    try {
      const r = readRosterRow(row);
      const hash = vault.lookupHash('id-number', r.idNumber);
      const first = seen.get(hash);
      if (first !== undefined) throw new AppError('DUPLICATE_ROW', 400, 'idNumber', { row: String(first) });
      seen.set(hash, number);
      read.push({ row: number, ...r, hash });
    } catch (error) {
      problems.push(fromError(error, number, column));
    }
  }
  const people = new Map<string, { name: string; id_number_masked: string }>();
  for (let i = 0; i < read.length; i += 1000) {
    const chunk = read.slice(i, i + 1000).map((r) => r.hash);
    for (const p of await peopleByIdHashes(db, chunk)) {
      if (isInScope(scope, p.region_code)) people.set(p.id_number_hmac, p);
    }
  }
  const trainees = [];
  for (const r of read) {
    const person = people.get(r.hash);
    if (!person)
      problems.push(fromError(new AppError('PERSON_NOT_REGISTERED', 422, 'idNumber', { value: '' }), r.row, column));
    else if (person.name !== r.name)
      problems.push(fromError(new AppError('NAME_MISMATCH', 422, 'name'), r.row, column));
    else
      trainees.push({ row: r.row, idNumber: r.idNumber, name: person.name, idNumberMasked: person.id_number_masked });
  }
  rejectIfAny(problems, ROSTER_COLUMNS, trainees.length);
  return { trainees };
}
