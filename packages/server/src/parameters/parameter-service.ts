import {
  CATALOGUE,
  DEFERRED_MATERIALS_WORKING_DAYS,
  deferredMaterialsParameter,
  TEXT_PARAMETERS,
  type IsoDate,
  type ParameterLabel,
  type ResolvedParameter,
} from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError, inBoth, notBefore } from '../http/errors.js';
import { explainsItself } from '../http/said.js';
import type { PolicyService } from '../policies/policy-service.js';
import { assertRegionInScope, regionRange } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { parameterLabel } from './parameter-labels.js';
import { listRegionParameterValues } from './parameter-repository.js';
import { EMPLOYMENT_TARGETS, noApplicationParameter, SERVER_PARAMETERS } from './server-parameters.js';

/** Every parameter a region may set: those the subsidies' schemes read and the server's own. */
const KNOWN: ReadonlySet<string> = new Set([
  ...CATALOGUE.flatMap((s) => s.schemes.flatMap((scheme) => scheme.parameters)),
  ...TEXT_PARAMETERS.map((p) => p.parameter),
  ...SERVER_PARAMETERS,
  // 容缺受理's deadline: no text states one, so only a region's own setting gives it a value.
  DEFERRED_MATERIALS_WORKING_DAYS,
]);

/** Parameters that are switches: 1 turns a thing on, 0 off, nothing else. */
const isSwitch = (parameter: string) =>
  parameter.startsWith(noApplicationParameter('')) || parameter.startsWith(deferredMaterialsParameter(''));

export interface SetParameter {
  parameter: string;
  regionCode: string;
  from: IsoDate;
  to?: IsoDate;
  value: number;
  note: string;
}

/**
 * A region's own settings for the numbers the texts leave to it (the local standard, a risk
 * threshold, 免申即享). A value is never changed once set: a new one with a later start date takes
 * over (the engine takes the latest start in force), so every past decision can still be traced to
 * the value it used.
 */
export class ParameterService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly policies: PolicyService,
  ) {}

  /** The value in force for a parameter in a region on a day, and where it comes from. */
  async resolve(parameter: string, region: string, on: IsoDate): Promise<ResolvedParameter | undefined> {
    if (!KNOWN.has(parameter)) throw new AppError('UNKNOWN_PARAMETER', 400, 'parameter', { value: parameter });
    return (await this.policies.engine()).parameters.resolve(parameter, region, on);
  }

  async set(actor: Actor, input: SetParameter): Promise<ResolvedParameter> {
    if (!KNOWN.has(input.parameter))
      throw new AppError('UNKNOWN_PARAMETER', 400, 'parameter', { value: input.parameter });
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    if (input.to !== undefined && input.to < input.from)
      throw new AppError('VALIDATION_FAILED', 400, 'to', notBefore(input.from));
    const unit = parameterLabel(input.parameter)?.unit;
    if ((unit === 'flag' || isSwitch(input.parameter)) && input.value !== 0 && input.value !== 1)
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        'value',
        inBoth('detail', '应为 0（否）或 1（是）', 'must be 0 (no) or 1 (yes)'),
      );
    // A share is of a whole: above 100% no trainee could meet an attendance floor, no fund pay a share.
    if (unit === 'permille' && input.value > 1000)
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        'value',
        inBoth('detail', '应在 0% 至 100% 之间', 'must be between 0% and 100%'),
      );
    if (input.parameter === DEFERRED_MATERIALS_WORKING_DAYS && (!Number.isInteger(input.value) || input.value < 1))
      throw new AppError('VALIDATION_FAILED', 400, 'value', inBoth('detail', '不能小于 1', 'must be at least 1'));
    const to = isEmploymentTarget(input.parameter) ? targetYearEnd(input) : input.to;
    const note = input.note.trim();
    if (!explainsItself(note)) throw new AppError('REASON_TOO_BRIEF', 400, 'note');
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('parameter_value')
        .values({
          parameter: input.parameter,
          region_code: input.regionCode,
          valid_from: input.from,
          valid_to: to ?? null,
          value: String(input.value),
          source: 'local-setting',
          note,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'parameter.set',
        entityType: 'parameter_value',
        entityId: String(row.id),
        regionCode: input.regionCode,
        after: { ...input, ...(to ? { to } : {}), note },
      });
    });
    this.policies.reload();
    const resolved = await this.resolve(input.parameter, input.regionCode, input.from);
    if (!resolved) throw new AppError('UNKNOWN_PARAMETER', 400, 'parameter', { value: input.parameter });
    return resolved;
  }

  /** The local settings of the caller's regions, newest first. */
  list(actor: Actor, parameter?: string): Promise<ResolvedParameter[]> {
    return listRegionParameterValues(this.db, regionRange(actor.regionCode), parameter);
  }

  /**
   * Every parameter a region may set, named, with the value in force there on a day (its source and
   * citation) and every value that can apply there — the texts', the parents' and its own.
   */
  async regionView(actor: Actor, regionCode: string, on: IsoDate): Promise<RegionParameter[]> {
    await assertRegionInScope(this.db, actor.regionCode, regionCode, 'regionCode');
    const table = (await this.policies.engine()).parameters;
    return [...KNOWN].sort().map((parameter) => {
      const label = parameterLabel(parameter);
      // A year's target counts only where it was set (181号 第二十八条): a city's is not shown as its
      // district's, which would read as the district's own target.
      const own = isEmploymentTarget(parameter)
        ? (v: ResolvedParameter | undefined) => v?.region === regionCode
        : () => true;
      const inForce = table.resolve(parameter, regionCode, on);
      return {
        parameter,
        ...(label ? { label } : {}),
        ...(inForce && own(inForce) ? { inForce } : {}),
        history: table.history(parameter, regionCode).filter(own),
      };
    });
  }
}

/** One parameter as a region sees it: its name, the value in force, and every value that can apply. */
export interface RegionParameter {
  parameter: string;
  label?: ParameterLabel;
  inForce?: ResolvedParameter;
  history: ResolvedParameter[];
}

const isEmploymentTarget = (parameter: string) => (EMPLOYMENT_TARGETS as readonly string[]).includes(parameter);

/**
 * A year's employment target (年度就业工作目标) is set for one calendar year: it starts on 1 January
 * and ends on 31 December of that year, which is filled in when not given. A target decided in
 * December for the next year is entered from the next 1 January, so it is never read as this year's.
 */
function targetYearEnd(input: SetParameter): IsoDate {
  const year = input.from.slice(0, 4);
  if (!input.from.endsWith('-01-01'))
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      'from',
      inBoth(
        'detail',
        `年度目标应自目标年度的1月1日起设定（如 ${year}-01-01）`,
        `a year’s target starts on 1 January of its year (such as ${year}-01-01)`,
      ),
    );
  const end = `${year}-12-31`;
  if (input.to !== undefined && input.to !== end)
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      'to',
      inBoth(
        'detail',
        `年度目标至当年12月31日止（${end}）`,
        `a year’s target ends on 31 December of its year (${end})`,
      ),
    );
  return end;
}
