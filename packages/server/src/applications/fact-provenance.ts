import {
  factsRead,
  PERSON_STATUS_NAMES,
  type Business,
  type ClaimFacts,
  type Decision,
  type EvaluationRequest,
  type Graduation,
  type IsoDate,
  type PersonFacts,
  type PersonStatusKind,
  type PolicyEngine,
  type Text,
} from '@huimin/policy';
import type { Static } from 'typebox';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApplicationTable, Database } from '../db/schema.js';
import { shanghaiDateOf } from '../http/today.js';
import {
  loadApplicantRecord,
  type ApplicantRecord,
  type SourcedFactRow,
} from '../registry/applicant-record-queries.js';
import type { Vault } from '../security/vault.js';
import {
  CLAIM_FIELD_NAMES,
  DECLARABLE_STATUSES,
  ORGANISATION_FACT_FIELDS,
  PERSON_FACT_FIELDS,
  type FactField,
} from '../registry/fact-sources.js';
import type { FactNeedView, FactProvenanceView } from './applications.schemas.js';
import type { DeclarationView, DeclaredFactInput } from './declarations.js';
import { unansweredDeclarations, type ReferenceProvenance, type VerifiedFacts } from './verified-facts.js';
import { withListedStatuses } from './verified-statuses.js';

type Need = Static<typeof FactNeedView>;
type Provenance = Static<typeof FactProvenanceView>;
type Entry = Provenance['entries'][number];

const t = (zh: string, en: string): Text => ({ zh, en });

function fieldOf(kind: 'person' | 'organisation', field: string): FactField | undefined {
  const fields: Record<string, FactField> = kind === 'person' ? PERSON_FACT_FIELDS : ORGANISATION_FACT_FIELDS;
  return fields[field];
}

/**
 * The person's registry facts with what they declared (not yet confirmed) and what a dataset
 * verified: a status a list holds stands as the list dates it, so a declaration of it is not counted.
 */
export function withDeclared(
  applicant: PersonFacts,
  declared: readonly DeclaredFactInput[],
  verified: VerifiedFacts,
): PersonFacts {
  const unanswered = unansweredDeclarations(declared, verified);
  const graduation =
    verified.graduation?.graduation ??
    (unanswered.find((d) => d.kind === 'graduation')?.data as Graduation | undefined);
  const statuses = unanswered.filter((d) => d.kind === 'status').map((d) => d.data) as unknown as NonNullable<
    PersonFacts['statuses']
  >;
  const held = withListedStatuses(applicant.statuses ?? [], verified.statuses) as NonNullable<PersonFacts['statuses']>;
  return {
    ...applicant,
    ...(graduation && !applicant.graduation ? { graduation } : {}),
    statuses: [...held, ...statuses],
    businesses: [...(applicant.businesses ?? []), ...(verified.business ? [verified.business.business] : [])],
  };
}

/**
 * For each unmet condition, the facts that would change it: where each comes from and what the
 * applicant does about it (fill in the claim, declare with evidence, go to an office, nothing —
 * it is checked against shared data).
 */
export function factNeeds(engine: PolicyEngine, request: EvaluationRequest, decision: Decision): Need[] {
  const reads = factsRead(engine, request);
  const kind = request.applicant.kind;
  return reads
    .filter((r) => !r.met)
    .map((r) => {
      const reason = decision.reasons.find((x) => x.code === r.code);
      const facts: Need['facts'] = [];
      for (const name of r.claim) {
        const label = CLAIM_FIELD_NAMES[name as keyof typeof CLAIM_FIELD_NAMES];
        if (label)
          facts.push({
            field: `claim.${name}`,
            label,
            source: 'claim',
            how: t('在申请表中填写', 'Fill it in on the form'),
          });
      }
      for (const name of r.applicant) {
        const field = fieldOf(kind, name);
        if (!field) continue;
        const declare =
          kind === 'person' && name === 'graduation'
            ? 'graduation'
            : kind === 'person' && name === 'statuses'
              ? 'status'
              : undefined;
        facts.push({
          field: name,
          label: field.label,
          source: field.source.kind,
          how: field.how,
          ...(declare ? { declare } : {}),
          ...(field.source.kind === 'declaration' ? { evidence: field.source.evidence } : {}),
          ...(declare === 'status' ? { options: STATUS_OPTIONS } : {}),
        });
      }
      return { condition: r.code, rule: reason?.message ?? t(r.code, r.code), cites: reason?.cites ?? '', facts };
    });
}

const STATUS_OPTIONS = Object.entries(DECLARABLE_STATUSES).map(([value, evidence]) => ({
  value,
  label: PERSON_STATUS_NAMES[value as PersonStatusKind],
  evidence: evidence as Text,
}));

/** The fields of the applicant's facts any condition of the scheme read. */
export function fieldsRead(engine: PolicyEngine, request: EvaluationRequest): string[] {
  return [...new Set(factsRead(engine, request).flatMap((r) => r.applicant))].sort();
}

const SOURCE_TEXT: Record<string, Text> = {
  manual: t('经办人员录入', 'Recorded by staff'),
  import: t('经办机构批量导入', 'Imported by the bureau'),
  demo: t('演示数据', 'Demo data'),
  training: t('本平台培训评价记录', 'Training record on this platform'),
  'employment-services': t('本平台就业服务记录', 'Employment-services record on this platform'),
};

const DATASET_NAMES: Readonly<Record<string, Text>> = {
  'business-registry': t('市场监管登记数据', 'Business registry'),
  'graduate-records': t('教育部门毕业生数据', 'Graduate records of the education authorities'),
  'social-assistance': t('民政部门低保、特困人员名单', 'Dibao and tekun lists of civil affairs'),
  'poverty-monitoring': t(
    '乡村振兴部门脱贫人口和防止返贫监测对象名单',
    'Lists of people lifted out of poverty and under relapse monitoring (rural revitalisation)',
  ),
};

/** Which dataset verified a fact, and the snapshot's day. */
function datasetText(p: Partial<ReferenceProvenance>): Text {
  const name = DATASET_NAMES[p.dataset ?? ''] ?? t('部门共享数据', 'Data shared by another department');
  return t(`${name.zh}（${p.takenOn ?? ''} 快照）`, `${name.en} (snapshot of ${p.takenOn ?? ''})`);
}

function summaryOf(kind: string, data: Record<string, unknown>): Text {
  if (kind === 'graduation') {
    const g = data as unknown as Graduation;
    // A graduate of this school year graduates in months to come: the English gives the date, not a past tense.
    return g.institution === 'university'
      ? t(`${g.date} 高校毕业`, `University graduation: ${g.date}`)
      : t(`${g.date} 技工院校毕业`, `Technical college graduation: ${g.date}`);
  }
  if (kind === 'business') {
    const b = data as unknown as Business;
    return t(`${b.creditCode}，${b.registeredOn} 登记`, `${b.creditCode}, registered on ${b.registeredOn}`);
  }
  if (kind === 'status') {
    const name = PERSON_STATUS_NAMES[data.kind as PersonStatusKind] ?? t(String(data.kind), String(data.kind));
    const from = String(data.from);
    return typeof data.to === 'string'
      ? t(`${name.zh}（${from} 至 ${data.to}）`, `${name.en} (${from} to ${data.to})`)
      : t(`${name.zh}（${from} 起）`, `${name.en} (from ${from})`);
  }
  const from = typeof data.from === 'string' ? data.from : typeof data.issuedOn === 'string' ? data.issuedOn : '';
  return from ? t(`${from} 起`, `From ${from}`) : t('已记录', 'Recorded');
}

/**
 * Each fact a decision reads, marked where it stands (issue 17): `verified` from a dataset the
 * bureau loaded, `confirmed` by a clerk from evidence, `declared` by the applicant and not yet
 * confirmed (which the engine never decides on in the workflow), or `recorded` here by staff,
 * import or another module.
 */
export async function factProvenance(
  db: Kysely<Database> | Transaction<Database>,
  owner: { personId: string | null; organisationId: string | null },
  fields: readonly string[],
  pending: { declared: readonly DeclaredFactInput[]; verified?: VerifiedFacts },
): Promise<Provenance[]> {
  const kind = owner.personId ? 'person' : 'organisation';
  const kinds = fields.flatMap((name) => fieldOf(kind, name)?.registryKind ?? []);
  const rows = kinds.length
    ? await db
        .selectFrom('registry_fact')
        .select(['id', 'kind', 'data', 'source', 'provenance', 'recorded_at'])
        .where(owner.personId ? 'person_id' : 'organisation_id', '=', owner.personId ?? owner.organisationId ?? '')
        .where('kind', 'in', kinds)
        .where('retracted_at', 'is', null)
        .orderBy('recorded_at')
        .orderBy('id')
        .execute()
    : [];
  return provenanceOf(kind, fields, rows, pending);
}

/** The provenance of the fields read, from the owner's facts already read with their sources. */
export function provenanceOf(
  kind: 'person' | 'organisation',
  fields: readonly string[],
  rows: readonly Pick<SourcedFactRow, 'id' | 'kind' | 'data' | 'source' | 'provenance' | 'recorded_at'>[],
  pending: { declared: readonly DeclaredFactInput[]; verified?: VerifiedFacts },
): Provenance[] {
  const wanted = fields
    .map((name) => ({ name, field: fieldOf(kind, name) }))
    .filter((f): f is { name: string; field: FactField } => f.field?.registryKind !== undefined);
  // A status the latest list no longer holds as recorded is shown as the list now has it.
  const stale = new Set(pending.verified?.statuses?.stale.map((x) => x.factId));
  return wanted.map(({ name, field }) => {
    const entries: Entry[] = rows
      .filter((r) => r.kind === field.registryKind && !stale.has(r.id))
      .map((r) => {
        const data = r.data as Record<string, unknown>;
        // The day as the bureau counts days, not the UTC day (a fact confirmed at 07:00 is of that day).
        const on = shanghaiDateOf(new Date(r.recorded_at));
        if (r.source === 'reference')
          return {
            provenance: 'verified' as const,
            summary: summaryOf(r.kind, data),
            source: datasetText((r.provenance ?? {}) as Partial<ReferenceProvenance>),
          };
        if (r.source === 'declaration')
          return {
            provenance: 'confirmed' as const,
            summary: summaryOf(r.kind, data),
            source: t(
              `申请人申报，${on} 受理时核验证明材料后确认`,
              `Declared; confirmed from evidence at acceptance on ${on}`,
            ),
          };
        return {
          provenance: 'recorded' as const,
          summary: summaryOf(r.kind, data),
          source: SOURCE_TEXT[r.source] ?? t(r.source, r.source),
        };
      });
    for (const d of pending.declared.filter((x) => x.kind === field.registryKind))
      entries.push({
        provenance: 'declared',
        summary: summaryOf(d.kind, d.data),
        source: t('申请人申报，待受理时核验确认', 'Declared by the applicant; to be confirmed at acceptance'),
      });
    // What a dataset verified for this filing and the registry does not hold yet.
    const found =
      field.registryKind === 'business'
        ? pending.verified?.business && { data: pending.verified.business.business, from: pending.verified.business }
        : field.registryKind === 'graduation'
          ? pending.verified?.graduation && {
              data: pending.verified.graduation.graduation,
              from: pending.verified.graduation,
            }
          : undefined;
    if (found)
      entries.push({
        provenance: 'verified',
        summary: summaryOf(field.registryKind ?? '', found.data as unknown as Record<string, unknown>),
        source: datasetText(found.from.provenance),
      });
    if (field.registryKind === 'status')
      for (const v of pending.verified?.statuses?.fresh ?? [])
        entries.push({
          provenance: 'verified',
          summary: summaryOf('status', { ...v.status }),
          source: datasetText(v.provenance),
        });
    return { field: name, label: field.label, entries };
  });
}

/**
 * The provenance of the facts one filed application's decision reads, as staff see it beside the
 * decision: the applicant's facts now, with declarations not yet confirmed marked as such.
 */
export async function applicationFacts(
  db: Kysely<Database>,
  vault: Vault,
  engine: PolicyEngine,
  app: FiledApplication,
  declarations: readonly DeclarationView[],
  today: IsoDate,
): Promise<Provenance[]> {
  const record = await loadApplicantRecord(db, vault, { personId: app.person_id, organisationId: app.organisation_id });
  return record ? applicationFactsOf(engine, app, record, declarations, today) : [];
}

type FiledApplication = Pick<
  Selectable<ApplicationTable>,
  'subsidy_id' | 'region_code' | 'claim' | 'person_id' | 'organisation_id' | 'submitted_on'
>;

/** `applicationFacts` from the applicant's registry already read (the view reads it once for all its parts). */
export function applicationFactsOf(
  engine: PolicyEngine,
  app: FiledApplication,
  record: ApplicantRecord,
  declarations: readonly DeclarationView[],
  today: IsoDate,
): Provenance[] {
  if (!engine.subsidy(app.subsidy_id)) return [];
  // The people in a unit's list are not the applicant's facts; the rest of the claim is read as filed.
  const { hires: _h, interns: _i, workers: _w, ...claim } = app.claim as Record<string, unknown>;
  const request = {
    subsidy: app.subsidy_id,
    region: app.region_code,
    date: app.submitted_on ?? today,
    applicant: record.facts,
    claim: claim as ClaimFacts,
  };
  const pending = declarations.filter((d) => d.state === 'declared');
  return provenanceOf(app.person_id ? 'person' : 'organisation', fieldsRead(engine, request), record.sourced, {
    declared: pending,
  });
}
