import type { IsoDate } from '@huimin/policy';
import type { Insertable } from 'kysely';
import type { RegistryFactTable, TrainingCertificateTable } from '../../db/schema.js';

/** The completed class a certificate is issued for: its number and dates, its item, its institution. */
export interface CompletedClass {
  id: string;
  number: string;
  startsOn: string;
  endsOn: string;
  occupation: string;
  level: number | null;
  trainingKind: string;
  institutionName: string;
}

/**
 * The certificates (培训合格证书, 人社部发〔2024〕5号 (五)) of a completed class's trainees who passed,
 * numbered after the class in the order given, and each as the trainee's registry fact, so the
 * training subsidy is decided on it like any other certificate.
 */
export function certificatesFor(
  cls: CompletedClass,
  passed: readonly string[],
  issuedOn: IsoDate,
  recordedBy: string,
): { certificates: Insertable<TrainingCertificateTable>[]; facts: Insertable<RegistryFactTable>[] } {
  const certificates = passed.map((personId, k) => ({
    serial: `${cls.number}-${String(k + 1).padStart(3, '0')}`,
    class_id: cls.id,
    person_id: personId,
    occupation: cls.occupation,
    level: cls.level,
    training_kind: cls.trainingKind,
    institution_name: cls.institutionName,
    starts_on: cls.startsOn,
    ends_on: cls.endsOn,
    issued_on: issuedOn,
  }));
  const facts = certificates.map((c) => ({
    person_id: c.person_id,
    organisation_id: null,
    kind: 'certificate',
    data: JSON.stringify({
      id: c.serial,
      kind: 'training-completion',
      occupation: c.occupation,
      ...(c.level !== null ? { level: c.level } : {}),
      issuedOn,
      training: { kind: c.training_kind, from: c.starts_on, to: c.ends_on },
    }),
    source: 'training' as const,
    recorded_by: recordedBy,
  }));
  return { certificates, facts };
}
