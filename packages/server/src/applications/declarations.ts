import {
  PERSON_STATUS_NAMES,
  type IsoDate,
  type PersonStatusKind,
  type SubsidyDefinition,
  type Text,
} from '@huimin/policy';
import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { isoInstant } from '../db/json-rows.js';
import type { ApplicationDeclarationTable, Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import { declarable, PERSON_FACT_FIELDS } from '../registry/fact-sources.js';
import { recordFact } from '../registry/registry-fact-repository.js';
import { checkFact } from '../registry/registry-input.js';
import type { Vault } from '../security/vault.js';
import type { DeclarationDecision } from './applications.schemas.js';
import { visibleApplications } from './visibility.js';

/** A fact as an applicant declares it: a registry fact kind and its data. */
export interface DeclaredFactInput {
  kind: string;
  data: Record<string, unknown>;
}

export type DeclarationState = 'declared' | 'confirmed' | 'corrected' | 'rejected';

export interface DeclarationView {
  id: string;
  kind: string;
  label: Text;
  data: Record<string, unknown>;
  evidence: Text;
  state: DeclarationState;
  decidedAt?: string;
  note?: string;
}

/**
 * Checks what an applicant declares (申报): each a well-formed fact of a kind no dataset or office
 * here provides, for a person's own claim. Refused naming the item, before anything is filed.
 */
export function checkDeclarations(
  subsidy: SubsidyDefinition,
  declarations: readonly DeclaredFactInput[] | undefined,
  today: IsoDate,
): DeclaredFactInput[] {
  if (!declarations?.length) return [];
  if (subsidy.applicant !== 'person')
    throw new AppError('NOT_DECLARABLE', 400, 'declarations', { detail: 'organisation' });
  return declarations.map((d, i) => checkDeclarable(d, `declarations[${i}]`, today));
}

/**
 * One declared fact, as filed or as a clerk corrects it: well-formed, of a kind an applicant may
 * declare, and not dated in the future — a correction may not make what filing would refuse.
 */
function checkDeclarable(d: DeclaredFactInput, field: string, today: IsoDate): DeclaredFactInput {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const fact = checkFact('person', d, field);
  if (!declarable(fact.kind, fact.data))
    throw new AppError('NOT_DECLARABLE', 400, at(fact.kind === 'status' ? 'data.kind' : 'kind'));
  // What is declared is evidenced by a document that exists: a diploma not yet awarded is not one.
  const day = fact.kind === 'graduation' ? 'date' : 'from';
  if (String(fact.data[day]) > today)
    throw new AppError(
      'INVALID_FACT',
      400,
      at(`data.${day}`),
      inBoth('detail', '申报事项的日期不能晚于今天', 'a declared fact cannot date from the future'),
    );
  return { kind: fact.kind, data: fact.data };
}

export async function recordDeclarations(
  trx: Transaction<Database>,
  applicationId: string,
  declarations: readonly DeclaredFactInput[],
): Promise<void> {
  if (declarations.length === 0) return;
  await trx
    .insertInto('application_declaration')
    .values(
      declarations.map((d, seq) => ({
        application_id: applicationId,
        seq,
        kind: d.kind,
        data: JSON.stringify(d.data),
        decided_by: null,
        decided_at: null,
        evidence_id: null,
        registry_fact_id: null,
        note: null,
      })),
    )
    .execute();
}

export function labelOf(kind: string, data: Record<string, unknown>): Text {
  if (kind === 'graduation') return PERSON_FACT_FIELDS.graduation.label;
  const status = PERSON_STATUS_NAMES[data.kind as PersonStatusKind];
  if (kind === 'status' && status) return { zh: `人员身份：${status.zh}`, en: `Status: ${status.en}` };
  return PERSON_FACT_FIELDS.statuses.label;
}

export async function declarationsOf(
  db: Kysely<Database> | Transaction<Database>,
  applicationId: string,
): Promise<DeclarationView[]> {
  const rows = await db
    .selectFrom('application_declaration')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  return declarationViews(rows);
}

/** An application's declarations in order, as a column of the statement that reads the application. */
export function declarationsOfApplication(eb: ExpressionBuilder<Database, 'application'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('application_declaration')
      .select([
        'application_declaration.id',
        'application_declaration.kind',
        'application_declaration.data',
        'application_declaration.state',
        'application_declaration.decided_at',
        'application_declaration.note',
      ])
      .whereRef('application_declaration.application_id', '=', 'application.id')
      .orderBy('application_declaration.seq'),
  );
}

/** A declaration as read: alone (a Date) or inside the application's statement (its JSON text). */
type DeclarationRow = Pick<Selectable<ApplicationDeclarationTable>, 'id' | 'kind' | 'data' | 'note'> & {
  readonly state: string;
  readonly decided_at: Date | string | null;
};

export function declarationViews(rows: readonly DeclarationRow[]): DeclarationView[] {
  return rows.map((r) => {
    const data = r.data as Record<string, unknown>;
    return {
      id: r.id,
      kind: r.kind,
      label: labelOf(r.kind, data),
      data,
      evidence: declarable(r.kind, data) ?? { zh: '', en: '' },
      state: r.state as DeclarationState,
      ...(r.decided_at ? { decidedAt: isoInstant(r.decided_at) } : {}),
      ...(r.note ? { note: r.note } : {}),
    };
  });
}

/** 受理 waits for every declaration to be decided: a clerk confirms, corrects or rejects each. */
export async function assertDeclarationsDecided(trx: Transaction<Database>, applicationId: string): Promise<void> {
  const pending = await trx
    .selectFrom('application_declaration')
    .select(({ fn }) => fn.countAll<string>().as('n'))
    .where('application_id', '=', applicationId)
    .where('state', '=', 'declared')
    .executeTakeFirstOrThrow();
  if (Number(pending.n) > 0) throw new AppError('DECLARATIONS_PENDING', 409, 'declarations', { value: pending.n });
}

/**
 * The clerk's word on one declaration at acceptance. Confirmed (or corrected) it becomes a registry
 * fact of the applicant, recorded as a confirmed declaration with who confirmed it and from what
 * evidence; rejected it stays on the application only and the engine never sees it. A second
 * decision on the same declaration, however concurrent, is refused.
 */
export async function decideDeclaration(
  db: Kysely<Database>,
  vault: Vault,
  actor: Actor,
  applicationId: string,
  declarationId: string,
  input: DeclarationDecision,
  today: IsoDate,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const app = await visibleApplications(trx, actor)
      .select(['id', 'state', 'person_id', 'region_code'])
      .where('id', '=', applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
    if (app.state !== 'submitted' || !app.person_id) throw new AppError('DECLARATION_NOT_NOW', 409, 'state');
    const declaration = await trx
      .selectFrom('application_declaration')
      .selectAll()
      .where('id', '=', declarationId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!declaration) throw new AppError('DECLARATION_NOT_FOUND', 404, 'declarationId');
    if (declaration.state !== 'declared') throw new AppError('DECLARATION_DECIDED', 409);
    if (input.evidenceId) {
      const evidence = await trx
        .selectFrom('application_evidence')
        .select('id')
        .where('id', '=', input.evidenceId)
        .where('application_id', '=', applicationId)
        .executeTakeFirst();
      if (!evidence) throw new AppError('VALIDATION_FAILED', 400, 'evidenceId', { detail: 'not on this application' });
    }
    let data = declaration.data as Record<string, unknown>;
    if (input.outcome === 'corrected') {
      if (!input.data) throw new AppError('REQUIRED_FIELD', 400, 'data');
      data = checkDeclarable({ kind: declaration.kind, data: input.data }, '', today).data;
    }
    if (input.outcome === 'rejected' && !input.note) throw new AppError('REQUIRED_FIELD', 400, 'note');
    const factId =
      input.outcome === 'rejected'
        ? null
        : await recordFact(trx, {
            personId: app.person_id,
            kind: declaration.kind,
            data,
            source: 'declaration',
            recordedBy: actor.accountId,
            provenance: { applicationId, declarationId, evidenceId: input.evidenceId ?? null },
          });
    const decided = await trx
      .updateTable('application_declaration')
      .set({
        state: input.outcome,
        decided_by: actor.accountId,
        decided_at: new Date(),
        evidence_id: input.evidenceId ?? null,
        registry_fact_id: factId,
        note: input.note ?? null,
        ...(input.outcome === 'corrected' ? { data: JSON.stringify(data) } : {}),
      })
      .where('id', '=', declarationId)
      .where('state', '=', 'declared')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw new AppError('DECLARATION_DECIDED', 409);
    await appendAudit(trx, vault, {
      actor,
      action: `declaration.${input.outcome}`,
      entityType: 'application',
      entityId: applicationId,
      regionCode: app.region_code,
      after: { declarationId, kind: declaration.kind, evidenceId: input.evidenceId ?? null },
    });
  });
}
