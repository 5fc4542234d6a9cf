import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, RegistryFactTable, TrainingCertificateTable } from '../../db/schema.js';
import { insertFacts } from '../../registry/registry-repository.js';

/** Certificates issued here (training_certificate), each also a registry fact of its holder (recorded by the registry, which owns registry_fact). */
export async function insertCertificates(
  trx: Transaction<Database>,
  certificates: readonly Insertable<TrainingCertificateTable>[],
  facts: readonly Insertable<RegistryFactTable>[],
): Promise<void> {
  if (certificates.length === 0) return;
  await trx
    .insertInto('training_certificate')
    .values([...certificates])
    .execute();
  await insertFacts(trx, facts);
}

/** A certificate with its holder's name and masked ID number, by serial. */
export function findCertificate(db: Kysely<Database>, serial: string) {
  return db
    .selectFrom('training_certificate as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.serial',
      'c.occupation',
      'c.level',
      'c.institution_name',
      'c.starts_on',
      'c.ends_on',
      'c.issued_on',
      'p.name',
      'p.id_number_masked',
    ])
    .where('c.serial', '=', serial)
    .executeTakeFirst();
}

/** A class's certificates in serial order. */
export function certificatesOfClass(
  db: Kysely<Database>,
  classId: string,
): Promise<{ serial: string; person_id: string }[]> {
  return db
    .selectFrom('training_certificate')
    .select(['serial', 'person_id'])
    .where('class_id', '=', classId)
    .orderBy('serial')
    .execute();
}
