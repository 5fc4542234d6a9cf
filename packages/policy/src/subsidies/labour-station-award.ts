import { condition, fixed, outcome } from '../core/build.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationFacts } from '../facts/facts.js';
import { GZ2022 } from '../rules/common.js';

/**
 * 省级优秀劳务合作站（点）一次性奖励 — 贵州 重点帮扶县实施意见 二（三）: "每年评选省级优秀劳务合作站（点）
 * 时，向重点扶持县倾斜，给予一次性资金奖励". The rating is the province's each year (its leaning
 * toward key counties is in the selection, not a rule here); the award is once per rating, at the
 * figure the province sets.
 */
export const LABOUR_STATION_AWARD = 'labour-station-award';

const ratedInYear = condition<OrganisationFacts>(
  'RATED_EXCELLENT',
  text(
    '须在申报年度被评为省级优秀劳务合作站（点）',
    'Must be rated a provincial excellent labour cooperation station in the year claimed',
  ),
  GZ2022('二（三）'),
  (ctx) => {
    const year = ctx.claim.year ?? Number(ctx.date.slice(0, 4));
    const rating = (ctx.applicant.designations ?? []).find(
      (d) => d.kind === 'labour-station-excellent' && d.from.startsWith(`${year}-`) && d.from <= ctx.date,
    );
    return rating
      ? true
      : outcome(false, `${year}年度未获评省级优秀劳务合作站（点）`, `Not rated excellent in ${year}`);
  },
);

export const LabourStationAward = defineSubsidy({
  id: LABOUR_STATION_AWARD,
  source: import.meta.url,
  name: text(
    '省级优秀劳务合作站（点）一次性奖励',
    'One-time award to provincial excellent labour cooperation stations',
  ),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'yearly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'labour-station-award/guizhou-2022',
      region: '520000',
      basis: GZ2022('二（三）'),
      from: '2022-01-14',
      who: text(
        '当年评为省级优秀劳务合作站（点）的劳务合作站（点）',
        'Labour cooperation stations rated provincially excellent that year',
      ),
      standard: text('一次性资金奖励，标准由省级确定', 'A one-time award at the figure the province sets'),
      materials: [text('省级优秀劳务合作站（点）评选结果文件', 'The rating decision')],
      parameters: ['labour-station.award'],
      conditions: [ratedInYear],
      amount: (ctx) =>
        fixed(
          ctx,
          'labour-station.award',
          GZ2022('二（三）'),
          text('省级优秀劳务合作站（点）一次性奖励', 'Excellent station award'),
        ),
    }),
  ],
});
