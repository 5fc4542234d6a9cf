import type { ParameterList } from '../../core/parameters.js';
import { CS181, QY102, SC2025, SC34 } from '../../rules/common.js';

/** Durations the texts state for 一次性创业补贴: how long the business has run, how recently a graduate left school. */
export const STARTUP_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: {
    'startup-follow-on.operated-months': {
      zh: '后续创业补贴：最短经营月数',
      en: 'Follow-on start-up: shortest months in business',
      unit: 'months',
    },
    'startup.graduate-left-school-years': {
      zh: '创业补贴：离校年限',
      en: 'Start-up subsidy: years since leaving school',
      unit: 'years',
    },
    'startup.operated-months': {
      zh: '创业补贴：最短经营月数',
      en: 'Start-up subsidy: shortest months in business',
      unit: 'months',
    },
  },
  values: [
    // 一次性创业补贴: 正常运营1年以上 (四川 2025: 6个月), 离校2年内 (四川 2025: 5年内) 高校毕业生.
    {
      parameter: 'startup.operated-months',
      region: '000000',
      from: '2023-12-20',
      value: 12,
      source: 'text',
      citation: CS181('第九条'),
    },
    {
      parameter: 'startup.operated-months',
      region: '621000',
      from: '2023-10-27',
      value: 12,
      source: 'text',
      citation: QY102('第14条'),
      note: '第14条 grants it 按规定: the national conditions, 正常运营1年以上.',
    },
    {
      parameter: 'startup.operated-months',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 12,
      source: 'text',
      citation: SC34('（五）'),
    },
    {
      parameter: 'startup.operated-months',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 6,
      source: 'text',
      citation: SC2025('第六条（四）'),
    },
    {
      parameter: 'startup.graduate-left-school-years',
      region: '000000',
      from: '2023-12-20',
      value: 2,
      source: 'text',
      citation: CS181('第九条'),
    },
    {
      parameter: 'startup.graduate-left-school-years',
      region: '621000',
      from: '2023-10-27',
      value: 2,
      source: 'text',
      citation: QY102('第14条'),
      note: '第14条 grants it 按规定: the national conditions, 离校2年内.',
    },
    {
      parameter: 'startup.graduate-left-school-years',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 2,
      source: 'text',
      citation: SC34('（五）'),
    },
    {
      parameter: 'startup.graduate-left-school-years',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 5,
      source: 'text',
      citation: SC2025('第六条（四）'),
    },
    {
      parameter: 'startup-follow-on.operated-months',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 18,
      source: 'text',
      citation: SC2025('第六条（四）'),
    },
  ],
};
