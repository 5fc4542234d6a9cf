import {
  deferredMaterialsRule,
  type ApplicantFacts,
  type ClaimFacts,
  type IsoDate,
  type Material,
  type PolicyEngine,
  type Text,
} from '@huimin/policy';
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import { engineFacts, judgedOn, type CatalogueStandardOf, type StoredClaim } from './claim-facts.js';
import { loadOrganisationFacts, loadPersonFacts } from '../registry/applicant-record-queries.js';
import { correctedSinceReturn } from './correction.js';
import { declarationsOf, type DeclarationView } from './declarations.js';
import { promisedMaterials, promiseLapsedBefore, promiseText } from './deferred-materials.js';
import { applicationFacts, withDeclared } from './fact-provenance.js';
import { shanghaiDateOf } from '../http/today.js';
import { visibleApplications } from './visibility.js';

export interface SubmissionCheck {
  eligible: boolean;
  /** The conditions the engine finds unmet today, counting what the applicant declared. */
  unmet: { message: Text; cites: string; detail?: Text }[];
  /** Materials with no file handed in that the platform does not already hold from a source. */
  missingMaterials: Text[];
  /** Materials not needed: the platform holds their fact from shared data or a confirmation. */
  waivedMaterials: Text[];
  /** 补正: returned, and nothing handed in since; resubmitting it then needs a note of what was done. */
  correctionNeeded: boolean;
  /** 容缺受理: whether the missing materials may be promised, by when, and the words to sign. */
  deferral: {
    allowed: boolean;
    materials: number[];
    dueOn?: string;
    basis?: string;
    promise?: Text;
    cites?: string;
  };
}

/**
 * What the applicant is told before submitting (提交前确认): whether the engine would refuse the
 * claim and why, and which materials are still missing — a licence the business registry already
 * confirms is not among them (181号 第二十三条). An ineligible claim may still be submitted (the
 * bureau decides); missing materials block it online unless they may be promised (容缺受理), in
 * which case the promise to sign is given with its deadline.
 */
export async function submissionCheck(
  deps: {
    db: Kysely<Database>;
    vault: Vault;
    clock: Clock;
    calendar: CalendarService;
    catalogueStandardOf: CatalogueStandardOf;
  },
  engine: PolicyEngine,
  actor: Actor,
  id: string,
): Promise<SubmissionCheck> {
  const app = await visibleApplications(deps.db, actor).selectAll().where('id', '=', id).executeTakeFirst();
  if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
  const subsidy = engine.subsidy(app.subsidy_id);
  if (!subsidy) throw new AppError('UNKNOWN_SUBSIDY', 404, 'subsidy', { value: app.subsidy_id });
  const today = deps.clock.today();
  const declarations = await declarationsOf(deps.db, id);
  const pending = declarations.filter((d) => d.state === 'declared');
  const facts = await engineFacts(deps.db, deps.vault, deps.catalogueStandardOf, app);
  const applicant = facts.applicant.kind === 'person' ? withDeclared(facts.applicant, pending, {}) : facts.applicant;
  // A draft or a returned claim is judged as it would be filed today; a submitted one as review
  // will judge it (the check before acceptance).
  const filing = app.state === 'draft' || app.state === 'returned';
  const decision = engine.evaluate({
    subsidy: subsidy.id,
    region: app.region_code,
    date: judgedOn(app, filing, today),
    applicant,
    claim: facts.claim,
  });
  const { materials, handedIn, waived } = await materialStanding(deps, engine, app, { declarations, today, facts });
  const text = (m: Text): Text => ({ zh: m.zh, en: m.en });
  const promised = await promisedMaterials(deps.db, id, today);
  const missing = materials.map((_, i) => i).filter((i) => !handedIn.has(i) && !waived.has(i) && !promised.has(i));
  const lapsedBefore = await promiseLapsedBefore(deps.db, id);
  const rule = deferredMaterialsRule(engine.parameters, app.subsidy_id, app.region_code, today);
  const dueOn = rule.allowed && !lapsedBefore ? await deps.calendar.deadline(today, rule.workingDays) : null;
  const deferral: SubmissionCheck['deferral'] =
    rule.allowed && dueOn
      ? {
          allowed: true,
          materials: missing,
          dueOn,
          basis: rule.basis,
          promise: promiseText(
            missing.map((i) => text(materials[i] ?? { zh: '', en: '' })),
            dueOn,
          ),
        }
      : { allowed: false, materials: missing, ...(!rule.allowed && rule.cites ? { cites: rule.cites } : {}) };
  return {
    eligible: decision.eligible,
    unmet: decision.reasons
      .filter((r) => !r.met)
      .map((r) => ({ message: r.message, cites: r.cites, ...(r.detail ? { detail: r.detail } : {}) })),
    missingMaterials: missing.map((i) => text(materials[i] ?? { zh: '', en: '' })),
    waivedMaterials: materials.filter((_, i) => !handedIn.has(i) && waived.has(i)).map(text),
    correctionNeeded: app.state === 'returned' && !(await correctedSinceReturn(deps.db, id)),
    deferral,
  };
}

/**
 * The scheme's materials for an application, which have a file, and which the platform does not
 * need on paper: those whose `waivedBy` fact it holds from a source, a confirmation or an office
 * record (a declaration not yet confirmed waives nothing). The engine's facts, when the caller has
 * read them, spare reading the hires again.
 */
export async function materialStanding(
  deps: { db: Kysely<Database>; vault: Vault },
  engine: PolicyEngine,
  app: Selectable<ApplicationTable>,
  on: {
    readonly declarations: readonly DeclarationView[];
    readonly today: IsoDate;
    readonly facts?: { readonly applicant: ApplicantFacts; readonly claim: ClaimFacts };
  },
): Promise<{ materials: readonly Material[]; handedIn: Set<number>; waived: Set<number> }> {
  const { declarations, today, facts } = on;
  const subsidy = engine.subsidy(app.subsidy_id);
  const resolution = subsidy ? engine.resolve(subsidy, app.region_code, shanghaiDateOf(app.created_at)) : undefined;
  const materials = resolution?.kind === 'scheme' ? resolution.scheme.materials : [];
  const handedIn = new Set(
    (
      await deps.db.selectFrom('application_evidence').select('material').where('application_id', '=', app.id).execute()
    ).map((r) => r.material),
  );
  const standing = materials.some((m) => m.waivedBy && m.waivedBy !== 'hire-contributions')
    ? await applicationFacts(deps.db, deps.vault, engine, app, declarations, today)
    : [];
  const held = (field: string) =>
    standing.some((f) => f.field === field && f.entries.some((e) => e.provenance !== 'declared'));
  const hiresInsured = materials.some((m) => m.waivedBy === 'hire-contributions')
    ? hiresInsuredByUnit(app, facts ?? (await unitAndHires(deps, app)))
    : false;
  const waived = new Set<number>();
  materials.forEach((m, i) => {
    if (m.waivedBy === 'hire-contributions' ? hiresInsured : m.waivedBy !== undefined && held(m.waivedBy))
      waived.add(i);
  });
  return { materials, handedIn, waived };
}

/** The applicant unit's facts and its hires', for a caller that has not read the engine's facts. */
async function unitAndHires(
  deps: { db: Kysely<Database>; vault: Vault },
  app: Selectable<ApplicationTable>,
): Promise<{ applicant: ApplicantFacts | undefined; claim: Pick<ClaimFacts, 'hires'> }> {
  const hires = (app.claim as StoredClaim).hires ?? [];
  if (!app.organisation_id || hires.length === 0) return { applicant: undefined, claim: {} };
  const [unit, people] = await Promise.all([
    loadOrganisationFacts(deps.db, deps.vault, app.organisation_id),
    loadPersonFacts(
      deps.db,
      deps.vault,
      hires.map((h) => h.personId),
    ),
  ]);
  const known = hires.flatMap(({ personId, ...h }) => {
    const person = people.get(personId);
    return person ? [{ ...h, person }] : [];
  });
  // Someone listed and not found holds nothing: no waiver.
  return { applicant: unit, claim: known.length === hires.length ? { hires: known } : {} };
}

/**
 * Whether the insurance records show the applicant unit paying contributions for every person its
 * claim hires, in the months claimed where the claim names them: then its 单位缴费明细 is not
 * asked for on paper. Nobody listed holds nothing.
 */
function hiresInsuredByUnit(
  app: Selectable<ApplicationTable>,
  facts: { readonly applicant: ApplicantFacts | undefined; readonly claim: Pick<ClaimFacts, 'hires'> },
): boolean {
  const claim = app.claim as StoredClaim;
  const unit = facts.applicant?.kind === 'organisation' ? facts.applicant : undefined;
  const hires = facts.claim.hires ?? [];
  const claimed = (month: string) =>
    (claim.fromMonth === undefined || month >= claim.fromMonth) &&
    (claim.toMonth === undefined || month <= claim.toMonth);
  if (!app.organisation_id || !unit || hires.length === 0) return false;
  return hires.every((h) =>
    (h.person.insurance ?? []).some(
      (m) => m.payer === 'employer' && m.employer !== undefined && m.employer === unit.creditCode && claimed(m.month),
    ),
  );
}
