import { yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { GZ2022, QY102, SC34 } from '../rules/common.js';

/** Organised labour-export rewards, job-seeking payments and transport subsidies (庆阳, 四川, 贵州). */
export const labourExportParameters: ParameterList = {
  source: import.meta.url,
  labels: {
    'labour-export.service-reward': {
      zh: '有组织劳务输出奖补（每人）',
      en: 'Organised labour-export reward per person',
      unit: 'fen',
    },
    'labour-export.job-seeking.cap': {
      zh: '跨区域求职补贴上限',
      en: 'Labour-export job-seeking subsidy cap',
      unit: 'fen',
    },
    'labour-export.job-seeking.standard': {
      zh: '跨区域求职补贴标准',
      en: 'Labour-export job-seeking subsidy',
      unit: 'fen',
    },
    'labour-export.job-seeking.outside-county': {
      zh: '跨区域求职补贴（县外省内）',
      en: 'Labour-export job-seeking, outside the county',
      unit: 'fen',
    },
    'labour-export.job-seeking.other-province': {
      zh: '跨区域求职补贴（省外）',
      en: 'Labour-export job-seeking, another province',
      unit: 'fen',
    },
    'labour-export.transport.other-province': {
      zh: '一次性往返交通补助（省外）',
      en: 'Return-travel subsidy, another province',
      unit: 'fen',
    },
    'labour-export.transport.within-province': {
      zh: '一次性往返交通补助（省内）',
      en: 'Return-travel subsidy, within the province',
      unit: 'fen',
    },
    'labour-export.transport.other-province.cap': {
      zh: '一次性往返交通补助上限（省外）',
      en: 'Return-travel subsidy cap, another province',
      unit: 'fen',
    },
    'labour-export.transport.within-province.cap': {
      zh: '一次性往返交通补助上限（省内）',
      en: 'Return-travel subsidy cap, within the province',
      unit: 'fen',
    },
    'employment-workshop.per-person-year': {
      zh: '就业帮扶车间吸纳就业奖补（每人每年）',
      en: 'Employment workshop award per person per year',
      unit: 'fen',
    },
    'labour-station.award': { zh: '劳务合作站奖补', en: 'Labour cooperation station award', unit: 'fen' },
  },
  values: [
    {
      parameter: 'labour-export.service-reward',
      region: '621000',
      from: '2023-10-27',
      value: yuan(200),
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.service-reward',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: yuan(300),
      source: 'text',
      citation: SC34('（十六）'),
    },
    // 四川: 不超过400元/人 — a cap; the amount paid is the local standard under it.
    {
      parameter: 'labour-export.job-seeking.cap',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: yuan(400),
      source: 'text',
      citation: SC34('（十六）'),
    },
    // 贵州: 县外省内500元, 省外1000元.
    {
      parameter: 'labour-export.job-seeking.outside-county',
      region: '520000',
      from: '2022-01-14',
      value: yuan(500),
      source: 'text',
      citation: GZ2022('二（三）'),
    },
    {
      parameter: 'labour-export.job-seeking.other-province',
      region: '520000',
      from: '2022-01-14',
      value: yuan(1000),
      source: 'text',
      citation: GZ2022('二（三）'),
    },
    // 一次性往返交通补助: caps from the texts; the tiers under them are local.
    {
      parameter: 'labour-export.transport.other-province.cap',
      region: '621000',
      from: '2023-10-27',
      value: yuan(600),
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.transport.within-province.cap',
      region: '621000',
      from: '2023-10-27',
      value: yuan(300),
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.transport.other-province.cap',
      region: '520000',
      from: '2022-01-14',
      value: yuan(500),
      source: 'text',
      citation: GZ2022('二（三）'),
    },
    // 乡村就业工厂（就业帮扶车间）: 每人每年3000元.
    {
      parameter: 'employment-workshop.per-person-year',
      region: '621000',
      from: '2023-10-27',
      value: yuan(3000),
      source: 'text',
      citation: QY102('第21条'),
    },
  ],
};
