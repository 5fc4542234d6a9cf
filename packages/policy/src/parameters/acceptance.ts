import type { IsoDate } from '../core/dates.js';
import type { ParameterList, ParameterTable } from '../core/parameters.js';
import type { RegionCode } from '../core/regions.js';
import type { Text } from '../core/text.js';
import { CS181 } from '../rules/common.js';

/**
 * 容缺受理 (acceptance with materials to follow): an application accepted although some required
 * materials are missing, on the applicant's written promise (承诺) to supply them by a deadline.
 *
 * No text in ../shared/policies gives any subsidy or region this power. The national text names
 * the materials each subsidy needs and has them reviewed before payment (财社〔2023〕181号
 * 第二十三条: 明确申请材料 …; 尽快完成材料审核和资金拨付); 四川's 办法 第十九条 says the same; 人社部发
 * 〔2024〕5号 (四) lets trainees promise that their identity conditions are true (告知承诺), which is
 * a promise of truth, not of papers to come. So every subsidy starts at 0 (not allowed), cited to
 * 第二十三条, and a region turns it on for a subsidy with its own document (a local setting of 1,
 * the document named in its note) and sets the working days to supply them in. Without both,
 * missing materials block submission.
 */
export const deferredMaterialsParameter = (subsidy: string) => `acceptance.deferred-materials.${subsidy}`;

/** Working days, counted from the day of submission, to supply the materials promised. */
export const DEFERRED_MATERIALS_WORKING_DAYS = 'acceptance.deferred-materials-working-days';

/** The day the national text took effect: before it, nothing is said either way. */
const BASELINE_FROM: IsoDate = '2023-12-20';

/** The 容缺受理 switches (one per subsidy, 0 nationally) and the region's deadline, labelled. */
export function acceptanceParameters(
  subsidies: readonly { readonly id: string; readonly name: Text }[],
): ParameterList {
  return {
    source: import.meta.url,
    labels: {
      [DEFERRED_MATERIALS_WORKING_DAYS]: {
        zh: '容缺材料补齐期限',
        en: 'Time to supply materials accepted as missing',
        unit: 'working-days',
      },
      ...Object.fromEntries(
        subsidies.map((s) => [
          deferredMaterialsParameter(s.id),
          {
            zh: `容缺受理：${s.name.zh}`,
            en: `Acceptance with materials to follow: ${s.name.en}`,
            unit: 'flag' as const,
          },
        ]),
      ),
    },
    values: subsidies.map((s) => ({
      parameter: deferredMaterialsParameter(s.id),
      region: '000000',
      from: BASELINE_FROM,
      value: 0,
      source: 'text' as const,
      citation: CS181('第二十三条'),
      note: 'No text allows 容缺受理; a region allows it for a subsidy with its own document.',
    })),
  };
}

/** Whether a subsidy's application may be accepted with materials missing, here and on this day. */
export type DeferredMaterialsRule =
  | {
      readonly allowed: false;
      /** The value that says no (the national baseline, or a region's own), when one is in force. */
      readonly cites?: string;
    }
  | {
      readonly allowed: true;
      readonly workingDays: number;
      /** The region's document allowing it: the switch's note (or citation), and the deadline's. */
      readonly basis: string;
    };

/**
 * The 容缺受理 rule in force for a subsidy in a region on a day: allowed only where the switch in
 * force there is 1 and a deadline of at least one working day is set; anything else is no.
 */
export function deferredMaterialsRule(
  parameters: Pick<ParameterTable, 'resolve'>,
  subsidy: string,
  region: RegionCode,
  on: IsoDate,
): DeferredMaterialsRule {
  const allowed = parameters.resolve(deferredMaterialsParameter(subsidy), region, on);
  const days = parameters.resolve(DEFERRED_MATERIALS_WORKING_DAYS, region, on);
  if (!allowed || allowed.value !== 1 || !days || !Number.isInteger(days.value) || days.value < 1)
    return allowed?.cites ? { allowed: false, cites: allowed.cites } : { allowed: false };
  const basisOf = (v: { readonly cites?: string; readonly note?: string }) => v.cites ?? v.note ?? '';
  const basis = [basisOf(allowed), basisOf(days)].filter((b, i, all) => b && all.indexOf(b) === i).join('；');
  return { allowed: true, workingDays: days.value, basis };
}
