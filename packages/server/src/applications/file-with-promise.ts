import { citationIn, deferredMaterialsRule, type IsoDate, type PolicyEngine, type Text } from '@huimin/policy';
import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import { declarationsOf } from './declarations.js';
import { insertPromises, namesOf, promisedMaterials, promiseLapsedBefore, promiseText } from './deferred-materials.js';
import { materialStanding } from './submission-check.js';

/** The applicant's promise (承诺) at filing: the materials, by number, they will supply later. */
export interface PromiseInput {
  readonly materials: readonly number[];
  readonly agreed: true;
}

export interface FilingContext {
  readonly trx: Transaction<Database>;
  readonly vault: Vault;
  readonly engine: PolicyEngine;
  readonly calendar: CalendarService;
  readonly actor: Actor;
  readonly app: Selectable<ApplicationTable>;
  readonly today: IsoDate;
  readonly english: boolean;
  /** The applicant files online (网上申请): missing materials block it. At a counter the clerk has the paper. */
  readonly materialsRequired: boolean;
  readonly promise: PromiseInput | undefined;
}

/** The materials still missing at filing: no file, not held from a source, not under an open promise. */
async function missingAtFiling(ctx: FilingContext): Promise<{ index: number; name: Text }[]> {
  const declarations = await declarationsOf(ctx.trx, ctx.app.id);
  const { materials, handedIn, waived } = await materialStanding(
    { db: ctx.trx, vault: ctx.vault },
    ctx.engine,
    ctx.app,
    { declarations, today: ctx.today },
  );
  const promised = await promisedMaterials(ctx.trx, ctx.app.id, ctx.today);
  return materials
    .map((m, index) => ({ index, name: { zh: m.zh, en: m.en } }))
    .filter(({ index }) => !handedIn.has(index) && !waived.has(index) && !promised.has(index));
}

/**
 * Filing (提交) with the materials complete, or with the missing ones promised where the region
 * allows 容缺受理 for the subsidy: the promise is recorded with its deadline (working days from
 * today on the official calendar) inside the filing's transaction, the application row locked.
 */
export async function fileWithMaterials(ctx: FilingContext): Promise<void> {
  const { trx, engine, app, today, promise } = ctx;
  if (!ctx.materialsRequired && !promise) return;
  const missing = await missingAtFiling(ctx);
  const rule = deferredMaterialsRule(engine.parameters, app.subsidy_id, app.region_code, today);
  const dueOn = rule.allowed ? await ctx.calendar.deadline(today, rule.workingDays) : null;
  if (!promise) {
    if (missing.length === 0) return;
    const names = namesOf(missing.map((m) => m.name));
    if (rule.allowed && dueOn && !(await promiseLapsedBefore(trx, app.id)))
      throw new AppError('MATERIALS_MISSING_MAY_PROMISE', 422, 'promise', { ...names, date: dueOn });
    throw new AppError('MATERIALS_MISSING', 422, 'materials', names);
  }
  if (!rule.allowed)
    throw new AppError(
      'DEFERRAL_NOT_ALLOWED',
      422,
      'promise',
      inBoth('cites', rule.cites ?? '—', rule.cites ? citationIn(rule.cites, 'en-US') : '—'),
    );
  if (await promiseLapsedBefore(trx, app.id)) throw new AppError('DEFERRAL_LAPSED_BEFORE', 422, 'promise');
  promise.materials.forEach((m, i) => {
    if (!missing.some((x) => x.index === m))
      throw new AppError('PROMISE_NOT_MISSING', 422, `promise.materials[${i}]`, { value: String(m + 1) });
  });
  const unlisted = missing.filter((m) => !promise.materials.includes(m.index));
  if (unlisted.length > 0)
    throw new AppError('MATERIALS_MISSING', 422, 'promise.materials', namesOf(unlisted.map((m) => m.name)));
  if (!dueOn)
    throw new AppError('CALENDAR_NOT_PUBLISHED', 409, undefined, { value: String(Number(today.slice(0, 4)) + 1) });
  const text = promiseText(
    missing.map((m) => m.name),
    dueOn,
  );
  await insertPromises(
    trx,
    missing.map((m) => ({
      applicationId: app.id,
      material: m.index,
      name: m.name,
      promise: ctx.english ? text.en : text.zh,
      promisedBy: ctx.actor.accountId,
      promisedOn: today,
      dueOn,
      basis: rule.basis,
    })),
  );
}

/**
 * An applicant filing their own claim online (网上申请), whose materials must be complete or promised.
 * A clerk filing at the counter (`application:create`) has the paper in hand; the accepting clerk
 * still sees what the platform lacks.
 */
export function filesOnline(actor: Actor): boolean {
  return !actor.permissions.has('application:create');
}
