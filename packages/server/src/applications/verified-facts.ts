import type { Business, Graduation, SizeClass } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReferenceKind } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { recordFact } from '../registry/registry-fact-repository.js';
import {
  latestRecordsOf,
  latestReferenceRecord,
  type GraduateRecord,
  type ReferenceLookup,
} from '../risk/reference-queries.js';
import type { DeclaredFactInput } from './declarations.js';
import { keepListedStatuses, STATUS_LISTS, verifyListedStatuses, type ListedStatuses } from './verified-statuses.js';

/** A business-registry record as the reference import keeps it (founder by keyed hash). */
interface BusinessRecord {
  status?: 'active' | 'deregistered';
  deregisteredOn?: string;
  name?: string;
  form?: Business['form'];
  sizeClass?: SizeClass;
  registeredOn?: string;
  founderHash?: string;
}

/** The snapshot a verified fact was taken from. */
export interface ReferenceProvenance {
  readonly dataset: ReferenceKind;
  readonly snapshotId: string;
  readonly takenOn: string;
  readonly source: string;
}

/** A fact taken from a reference dataset, with the snapshot it came from. */
export interface VerifiedBusiness {
  readonly business: Business;
  readonly provenance: ReferenceProvenance & { dataset: 'business-registry' };
}

/** A graduation the education records hold (学信/教育部门 毕业生数据). */
export interface VerifiedGraduation {
  readonly graduation: Graduation;
  readonly provenance: ReferenceProvenance & { dataset: 'graduate-records' };
}

/** What the loaded datasets confirm of an applicant at filing, beyond the registry's own facts. */
export interface VerifiedFacts {
  readonly business?: VerifiedBusiness;
  readonly graduation?: VerifiedGraduation;
  /** What the household and poverty lists hold (民政, 乡村振兴). */
  readonly statuses?: ListedStatuses;
}

const FIELD = 'claim.businessCreditCode';

/**
 * 免证办: the business an applicant names by its credit code, looked up in the business registry
 * (市场监管 登记数据) the bureau loaded, instead of asking for the licence on paper (181号 第二十三条).
 * Nothing to do when the registry already holds the business for this person, or when no registry
 * snapshot has been loaded (then there is nothing to verify against). A code the registry lacks, or
 * a business founded by someone else, is refused naming the field.
 */
export async function verifyClaimedBusiness(
  db: Kysely<Database> | Transaction<Database>,
  person: { readonly id: string; readonly idNumberHmac: string },
  regionCode: string,
  creditCode: string,
): Promise<VerifiedBusiness | undefined> {
  const personId = person.id;
  const code = creditCode.toUpperCase();
  const known = await db
    .selectFrom('registry_fact')
    .select('id')
    .where('person_id', '=', personId)
    .where('kind', '=', 'business')
    .where('retracted_at', 'is', null)
    .where(({ eb, ref }) => eb(eb.fn('jsonb_extract_path_text', [ref('data'), eb.val('creditCode')]), '=', code))
    .executeTakeFirst();
  if (known) return undefined;
  const found = await latestReferenceRecord<BusinessRecord>(db, 'business-registry', code, regionCode);
  if (!found.loaded) return undefined;
  const record = found.record;
  if (!record) throw new AppError('BUSINESS_NOT_REGISTERED', 422, FIELD, { value: code });
  const data = record.data;
  // Compared as keyed hashes, made with the key the registry uses for the person's own ID number.
  if (!data.founderHash || data.founderHash !== person.idNumberHmac)
    throw new AppError('NOT_BUSINESS_FOUNDER', 422, FIELD);
  if (!data.registeredOn || !data.form) throw new AppError('BUSINESS_RECORD_INCOMPLETE', 422, FIELD);
  const business: Business = {
    creditCode: code,
    form: data.form,
    ...(data.sizeClass ? { sizeClass: data.sizeClass } : {}),
    registeredOn: data.registeredOn,
    ...(data.deregisteredOn ? { deregisteredOn: data.deregisteredOn } : {}),
    operatingNormally: data.status !== 'deregistered',
  };
  return {
    business,
    provenance: {
      dataset: 'business-registry',
      snapshotId: record.snapshotId,
      takenOn: found.takenOn,
      source: record.source,
    },
  };
}

/** Keeps a verified business as a registry fact of the person, in the filing's transaction. */
async function keepVerifiedBusiness(
  trx: Transaction<Database>,
  personId: string,
  verified: VerifiedBusiness,
  recordedBy: string,
): Promise<string> {
  return recordFact(trx, {
    personId,
    kind: 'business',
    data: { ...verified.business },
    source: 'reference',
    recordedBy,
    provenance: { ...verified.provenance },
  });
}

/**
 * 免证办 for a graduation: when the registry holds none for the person, what the latest graduate
 * records the bureau loaded hold under the person's keyed ID hash (`found`, read by the caller with
 * the other lists). Found, the graduation is verified and needs no diploma on paper; not found (a
 * graduate of another province, or no records loaded), the applicant declares it with evidence, as
 * before.
 */
export async function verifyGraduation(
  db: Kysely<Database> | Transaction<Database>,
  personId: string,
  found: ReferenceLookup<GraduateRecord>,
): Promise<VerifiedGraduation | undefined> {
  // The records are asked first: most filings are by people they do not hold, and then the
  // registry need not be read at all.
  if (!found.loaded || !found.record) return undefined;
  const { graduatedOn, institution } = found.record.data;
  if (!graduatedOn || !institution) return undefined;
  const known = await db
    .selectFrom('registry_fact')
    .select('id')
    .where('person_id', '=', personId)
    .where('kind', '=', 'graduation')
    .where('retracted_at', 'is', null)
    .executeTakeFirst();
  if (known) return undefined;
  return {
    graduation: { date: graduatedOn, institution },
    provenance: {
      dataset: 'graduate-records',
      snapshotId: found.record.snapshotId,
      takenOn: found.takenOn,
      source: found.record.source,
    },
  };
}

/**
 * What the datasets serving the applicant's region confirm for a person's filing: the business the
 * claim names, the graduation, and the statuses the household and poverty lists hold.
 */
export async function verifyFacts(
  db: Kysely<Database> | Transaction<Database>,
  applicant: { personId: string | null; regionCode: string; idNumberHmac?: string | null },
  businessCreditCode: string | undefined,
): Promise<VerifiedFacts> {
  const { personId, regionCode } = applicant;
  if (!personId) return {};
  const person = applicant.idNumberHmac
    ? { id_number_hmac: applicant.idNumberHmac }
    : await db.selectFrom('person').select('id_number_hmac').where('id', '=', personId).executeTakeFirstOrThrow();
  const business = businessCreditCode
    ? await verifyClaimedBusiness(
        db,
        { id: personId, idNumberHmac: person.id_number_hmac },
        regionCode,
        businessCreditCode,
      )
    : undefined;
  // The graduate records and both status lists, asked about the person's keyed ID hash at once.
  const lists = await latestRecordsOf(db, ['graduate-records', ...STATUS_LISTS], person.id_number_hmac, regionCode);
  const graduation = await verifyGraduation(
    db,
    personId,
    (lists.get('graduate-records') as ReferenceLookup<GraduateRecord> | undefined) ?? { loaded: false },
  );
  const statuses = await verifyListedStatuses(db, personId, lists);
  return { ...(business ? { business } : {}), ...(graduation ? { graduation } : {}), statuses };
}

/**
 * The declarations a source does not already answer: a graduation the records hold, a status a
 * list holds (whatever its dates: the list, not the applicant, says when it began) is not put to
 * the clerk.
 */
export function unansweredDeclarations<D extends DeclaredFactInput>(
  declared: readonly D[],
  verified: VerifiedFacts,
): D[] {
  const listed: readonly string[] = verified.statuses?.kinds ?? [];
  return declared.filter(
    (d) =>
      !(verified.graduation && d.kind === 'graduation') &&
      !(d.kind === 'status' && listed.includes(String(d.data.kind))),
  );
}

/** Keeps what a dataset verified as registry facts of the person, in the filing's transaction. */
export async function keepVerifiedFacts(
  trx: Transaction<Database>,
  personId: string,
  verified: VerifiedFacts,
  recordedBy: string,
  at: Date,
): Promise<void> {
  if (verified.business) await keepVerifiedBusiness(trx, personId, verified.business, recordedBy);
  if (verified.graduation)
    await recordFact(trx, {
      personId,
      kind: 'graduation',
      data: { ...verified.graduation.graduation },
      source: 'reference',
      recordedBy,
      provenance: { ...verified.graduation.provenance },
    });
  if (verified.statuses) await keepListedStatuses(trx, personId, verified.statuses, recordedBy, at);
}
