import type { ParameterList } from '../../core/parameters.js';
import { CS181, SC2025 } from '../../rules/common.js';

/** Durations the texts state for 岗位补贴 (公益性岗位, and in 四川 用人单位岗位补贴): the period and the extension to retirement. */
export const POSTS_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: {
    'post-subsidy.period-months': { zh: '岗位补贴最长期限', en: 'Post subsidy: longest period', unit: 'months' },
    'post-subsidy.retirement-within-months': {
      zh: '岗位补贴：距退休月数',
      en: 'Post subsidy: months before retirement',
      unit: 'months',
    },
  },
  values: [
    // 岗位补贴 (公益性岗位, and in 四川 用人单位岗位补贴): 最长3年, 距法定退休年龄不足5年的延长至退休.
    {
      parameter: 'post-subsidy.period-months',
      region: '000000',
      from: '2023-12-20',
      value: 36,
      source: 'text',
      citation: CS181('第十一条'),
    },
    {
      parameter: 'post-subsidy.period-months',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 36,
      source: 'text',
      citation: SC2025('第六条（三）'),
    },
    {
      parameter: 'post-subsidy.retirement-within-months',
      region: '000000',
      from: '2023-12-20',
      value: 60,
      source: 'text',
      citation: CS181('第十一条'),
    },
    {
      parameter: 'post-subsidy.retirement-within-months',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 60,
      source: 'text',
      citation: SC2025('第六条（三）'),
    },
  ],
};
