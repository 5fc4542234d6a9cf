import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * What other modules read about training certificates issued here: the catalogue standard for the
 * subsidy decision, and the class facts the risk checks look at.
 */
/** What the risk checks read about a training certificate's class, if it was issued here. */
export async function trainingRiskFacts(db: Kysely<Database> | Transaction<Database>, serial: string) {
  const cert = await db
    .selectFrom('training_certificate')
    .select(['class_id', 'person_id'])
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (!cert) return undefined;
  const cls = await db
    .selectFrom('training_class')
    .select(['id', 'number', 'starts_on', 'ends_on', 'sessions'])
    .where('id', '=', cert.class_id)
    .executeTakeFirstOrThrow();
  const attended = Number(
    (
      await db
        .selectFrom('training_attendance')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('class_id', '=', cls.id)
        .where('person_id', '=', cert.person_id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const overlapping = await db
    .selectFrom('training_enrolment as e')
    .innerJoin('training_class as c', 'c.id', 'e.class_id')
    .select('c.number')
    .where('e.person_id', '=', cert.person_id)
    .where('c.id', '<>', cls.id)
    .where('c.state', 'in', ['approved', 'completed'])
    .where('c.starts_on', '<=', cls.ends_on)
    .where('c.ends_on', '>=', cls.starts_on)
    .execute();
  const results = await db.selectFrom('training_assessment').select('passed').where('class_id', '=', cls.id).execute();
  return {
    classNumber: cls.number,
    sessions: cls.sessions,
    attended,
    overlapping: overlapping.map((o) => o.number),
    assessed: results.length,
    passed: results.filter((r) => r.passed).length,
  };
}

/** The catalogue standard of the item a certificate's class trained for (5号 (一)(十三)), if issued here. */
export async function catalogueStandardOf(
  db: Kysely<Database> | Transaction<Database>,
  serial: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('training_certificate as t')
    .innerJoin('training_class as c', 'c.id', 't.class_id')
    .innerJoin('training_demand_item as d', 'd.id', 'c.demand_item_id')
    .select('d.standard_fen')
    .where('t.serial', '=', serial)
    .executeTakeFirst();
  return row ? Number(row.standard_fen) : undefined;
}
