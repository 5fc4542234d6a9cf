import { DOCUMENTS, type Citation } from '../core/documents.js';
import type { Duration } from '../core/durations.js';
import { ParameterTable, type ParameterList } from '../core/parameters.js';
import { CS181, GZ2022, QY102, SC2025, SC34 } from '../rules/common.js';

/**
 * Durations the texts state: how long a business must have run, a contract must last, a subsidy
 * may be paid, how recently a graduate left school. Kept apart from TEXT_PARAMETERS because a scheme
 * binds them when it is defined (its rule text states the figure), so a region cannot set them.
 */
export const TEXT_DURATIONS: ParameterList = {
  source: import.meta.url,
  values: [
    // 一次性创业补贴: 正常运营1年以上 (四川 2025: 6个月), 离校2年内 (四川 2025: 5年内) 高校毕业生.
    { parameter: 'startup.operated-months', region: '000000', from: '2023-12-20', value: 12, source: 'text', citation: CS181('第九条') },
    { parameter: 'startup.operated-months', region: '621000', from: '2023-10-27', value: 12, source: 'text', citation: QY102('第14条'), note: '第14条 grants it 按规定: the national conditions, 正常运营1年以上.' },
    { parameter: 'startup.operated-months', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 12, source: 'text', citation: SC34('（五）') },
    { parameter: 'startup.operated-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 6, source: 'text', citation: SC2025('第六条（四）') },
    { parameter: 'startup.graduate-left-school-years', region: '000000', from: '2023-12-20', value: 2, source: 'text', citation: CS181('第九条') },
    { parameter: 'startup.graduate-left-school-years', region: '621000', from: '2023-10-27', value: 2, source: 'text', citation: QY102('第14条'), note: '第14条 grants it 按规定: the national conditions, 离校2年内.' },
    { parameter: 'startup.graduate-left-school-years', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 2, source: 'text', citation: SC34('（五）') },
    { parameter: 'startup.graduate-left-school-years', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 5, source: 'text', citation: SC2025('第六条（四）') },
    { parameter: 'startup-follow-on.operated-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 18, source: 'text', citation: SC2025('第六条（四）') },

    // 一次性吸纳就业补贴, 一次性扩岗补助 (庆阳 第8条, 第22条; 四川 （四）).
    { parameter: 'hiring.contract-months', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 12, source: 'text', citation: QY102('第8条') },
    { parameter: 'hiring.contract-months', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 12, source: 'text', citation: SC34('（四）') },
    { parameter: 'hiring.graduate-left-school-years', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 2, source: 'text', citation: QY102('第8条') },
    { parameter: 'hiring.registered-unemployed-months', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 6, source: 'text', citation: QY102('第22条') },
    { parameter: 'expansion.insured-months', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 1, source: 'text', citation: QY102('第8条') },

    // 社会保险补贴: 就业困难人员最长3年 (距法定退休年龄不足5年的延长至退休; 四川: 最长5年),
    // 小微企业招用高校毕业生最长1年, 高校毕业生灵活就业最长2年.
    { parameter: 'social-insurance.hard-to-employ-period-months', region: '000000', from: '2023-12-20', value: 36, source: 'text', citation: CS181('第十条（一）') },
    { parameter: 'social-insurance.hard-to-employ-period-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 36, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance.retirement-within-months', region: '000000', from: '2023-12-20', value: 60, source: 'text', citation: CS181('第十条（一）') },
    { parameter: 'social-insurance.retirement-within-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 60, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance.retirement-cap-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 60, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance-employer.graduate-period-months', region: '000000', from: '2023-12-20', value: 12, source: 'text', citation: CS181('第十条（二）') },
    { parameter: 'social-insurance-employer.graduate-period-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 12, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance-employer.contract-months', region: '000000', from: '2023-12-20', value: 12, source: 'text', citation: CS181('第十条（二）') },
    { parameter: 'social-insurance-employer.contract-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 12, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance-employer.graduate-left-school-years', region: '000000', from: '2023-12-20', value: 2, source: 'text', citation: CS181('第十条（二）') },
    { parameter: 'social-insurance-employer.graduate-left-school-years', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 2, source: 'text', citation: SC34('（四）') },
    { parameter: 'social-insurance-employer.graduate-left-school-years', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 2, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance-flexible.graduate-period-months', region: '000000', from: '2023-12-20', value: 24, source: 'text', citation: CS181('第十条（二）') },
    { parameter: 'social-insurance-flexible.graduate-period-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 24, source: 'text', citation: SC2025('第六条（二）') },
    { parameter: 'social-insurance-flexible.graduate-left-school-years', region: '000000', from: '2023-12-20', value: 2, source: 'text', citation: CS181('第十条（二）') },
    { parameter: 'social-insurance-flexible.graduate-left-school-years', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 2, source: 'text', citation: SC34('（六）') },
    { parameter: 'social-insurance-flexible.graduate-left-school-years', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 2, source: 'text', citation: SC2025('第六条（二）') },

    // 岗位补贴 (公益性岗位, and in 四川 用人单位岗位补贴): 最长3年, 距法定退休年龄不足5年的延长至退休.
    { parameter: 'post-subsidy.period-months', region: '000000', from: '2023-12-20', value: 36, source: 'text', citation: CS181('第十一条') },
    { parameter: 'post-subsidy.period-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 36, source: 'text', citation: SC2025('第六条（三）') },
    { parameter: 'post-subsidy.retirement-within-months', region: '000000', from: '2023-12-20', value: 60, source: 'text', citation: CS181('第十一条') },
    { parameter: 'post-subsidy.retirement-within-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 60, source: 'text', citation: SC2025('第六条（三）') },

    // 职业培训补贴, 企业新录用职工: 签订1年以上期限劳动合同, 签订之日起1年内参加培训.
    { parameter: 'vocational-training.new-hire-contract-months', region: '000000', from: '2023-12-20', value: 12, source: 'text', citation: CS181('第五条（二）') },
    { parameter: 'vocational-training.new-hire-contract-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 12, source: 'text', citation: SC2025('第六条（一）') },
    { parameter: 'vocational-training.new-hire-trained-within-months', region: '000000', from: '2023-12-20', value: 12, source: 'text', citation: CS181('第五条（二）') },
    { parameter: 'vocational-training.new-hire-trained-within-months', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 12, source: 'text', citation: SC2025('第六条（一）') },

    // 技能提升补贴: 参加失业保险1年以上.
    { parameter: 'skill-upgrading.insured-months', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 12, source: 'text', citation: QY102('第18条') },
    { parameter: 'skill-upgrading.insured-months', region: '510000', from: '2024-07-13', to: '2024-12-31', value: 12, source: 'text', citation: SC34('（十九）') },

    // 就业见习补贴: 离校2年内未就业高校毕业生.
    { parameter: 'internship.graduate-left-school-years', region: '000000', from: '2023-12-20', value: 2, source: 'text', citation: CS181('第七条') },
    { parameter: 'internship.graduate-left-school-years', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 2, source: 'text', citation: QY102('第12条') },
    { parameter: 'internship.graduate-left-school-years', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 2, source: 'text', citation: SC34('（十三）') },
    { parameter: 'internship.graduate-left-school-years', region: '510000', from: '2025-05-01', to: '2028-04-30', value: 2, source: 'text', citation: SC2025('第六条（六）') },

    // 劳务输转: 庆阳 签订并实际履行6个月以上劳动合同; 四川 1年以上劳动合同. 就业帮扶车间: 稳定就业6个月以上.
    { parameter: 'labour-export.service-reward.contract-months', region: '621000', from: '2023-10-27', value: 6, source: 'text', citation: QY102('第21条') },
    { parameter: 'labour-export.service-reward.contract-months', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 12, source: 'text', citation: SC34('（十六）') },
    { parameter: 'employment-workshop.worked-months', region: '621000', from: '2023-10-27', value: 6, source: 'text', citation: QY102('第21条') },
    // 贵州 一次性交通补贴: 在省外稳定就业3个月及以上.
    { parameter: 'labour-export.transport.stable-months', region: '520000', from: '2022-01-14', value: 3, source: 'text', citation: GZ2022('二（三）') },
  ],
};

const table = new ParameterTable(TEXT_DURATIONS.values);

/**
 * The value of a duration in force where and when `article`'s document takes effect — the region
 * and first day of every scheme built on it — resolved as amounts are: the most local region, then
 * the latest start. So a provincial article that leaves a figure "按规定" binds the national one,
 * which keeps its own citation.
 */
export function duration(parameter: string, article: Citation): Duration {
  const found = statedDuration(parameter, article);
  if (!found) {
    const { number, region, inForceFrom } = DOCUMENTS[article.document];
    throw new RangeError(`no duration ${parameter} in force in ${region} on ${inForceFrom} (${number})`);
  }
  return found;
}

/** As `duration`, for a figure only some texts state (a cap): undefined where none is in force. */
export function statedDuration(parameter: string, article: Citation): Duration | undefined {
  const { region, inForceFrom } = DOCUMENTS[article.document];
  const value = table.resolve(parameter, region, inForceFrom);
  if (value && (value.citation === undefined || value.cites === undefined)) throw new RangeError(`duration ${parameter} in ${value.region} has no citation`);
  return value as Duration | undefined;
}
