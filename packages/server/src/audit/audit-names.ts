import { PARAMETER_LABELS, type ParameterLabel } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Language } from '../i18n/messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an entry names: its subject, and ids and parameter ids inside what it recorded. */
export interface NamedEntry {
  readonly entity_id: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

type Names = Record<string, string>;
type Lookup = (db: Kysely<Database>, ids: string[]) => Promise<{ id: string; name: string }[]>;

/**
 * How each kind of record is called on the audit page: the number people quote (申请编号, 批次号),
 * a person's or unit's name, a posting's title. Records of a person are called by the person.
 */
const LOOKUPS: readonly Lookup[] = [
  (db, ids) => db.selectFrom('account').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('application').select(['id', 'number as name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('payment_batch').select(['id', 'number as name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('fund').select(['id', 'name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('loan').select(['id', 'number as name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('loan_statement').select(['id', 'period as name']).where('id', 'in', ids).execute(),
  (db, ids) =>
    db
      .selectFrom('loan_institution')
      .innerJoin('organisation', 'organisation.id', 'loan_institution.organisation_id')
      .select(['loan_institution.id', 'organisation.name'])
      .where('loan_institution.id', 'in', ids)
      .execute(),
  (db, ids) => db.selectFrom('training_class').select(['id', 'number as name']).where('id', 'in', ids).execute(),
  (db, ids) =>
    db.selectFrom('training_demand_item').select(['id', 'occupation as name']).where('id', 'in', ids).execute(),
  (db, ids) =>
    db
      .selectFrom('training_institution')
      .innerJoin('organisation', 'organisation.id', 'training_institution.organisation_id')
      .select(['training_institution.id', 'organisation.name'])
      .where('training_institution.id', 'in', ids)
      .execute(),
  (db, ids) => db.selectFrom('job_posting').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('gig_station').select(['id', 'name']).where('id', 'in', ids).execute(),
  (db, ids) => db.selectFrom('recruitment_event').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  ...(
    ['job_seeker', 'gig_worker', 'assistance_case', 'employment_registration', 'hardship_certification'] as const
  ).map(
    (table): Lookup =>
      (db, ids) =>
        db
          .selectFrom(table)
          .innerJoin('person', 'person.id', `${table}.person_id`)
          .select([`${table}.id as id`, 'person.name as name'])
          .where(`${table}.id`, 'in', ids)
          .execute(),
  ),
  (db, ids) =>
    db
      .selectFrom('job_referral')
      .innerJoin('job_seeker', 'job_seeker.id', 'job_referral.seeker_id')
      .innerJoin('person', 'person.id', 'job_seeker.person_id')
      .select(['job_referral.id', 'person.name'])
      .where('job_referral.id', 'in', ids)
      .execute(),
];

/**
 * The names behind the ids a page of entries holds — its subjects and the ids inside what each
 * recorded (a posting, a seeker, the account that signed a contract) — and each parameter id by
 * its label in the reader's language (and its unit, so a value in fen is shown in 元), so the page
 * never shows an id where a person reads a name.
 * An id of a record since gone, or of a kind not named here, is left out: the page says so.
 */
export async function auditNames(
  db: Kysely<Database>,
  entries: readonly NamedEntry[],
  language: Language,
  /** A parameter's label: the policy package's, and the server's own (risk thresholds, 免申即享). */
  labelOf: (parameter: string) => ParameterLabel | undefined = (p) => PARAMETER_LABELS[p],
): Promise<{ names: Names; units: Names }> {
  const ids = new Set<string>();
  const names: Names = {};
  const units: Names = {};
  const collect = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) ids.add(value.toLowerCase());
      else if (key === 'parameter') {
        const label = labelOf(value);
        if (label) {
          names[value] = label[language === 'en-US' ? 'en' : 'zh'];
          units[value] = label.unit;
        }
      }
    } else if (Array.isArray(value)) for (const v of value) collect(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  for (const e of entries) {
    collect(e.entity_id);
    collect(e.before);
    collect(e.after);
  }
  const list = [...ids];
  if (list.length > 0) for (const lookup of LOOKUPS) for (const row of await lookup(db, list)) names[row.id] = row.name;
  return { names, units };
}
