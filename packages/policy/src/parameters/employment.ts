import { wan, yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { QY102, SC34 } from '../rules/common.js';

/** Amounts for job-seeking, start-up and internship subsidies stated in the texts. */
export const employmentParameters: ParameterList = {
  source: import.meta.url,
  labels: {
    'job-seeking.amount': { zh: '一次性求职补贴标准', en: 'One-time job-seeking subsidy', unit: 'fen' },
    'startup.amount': { zh: '一次性创业补贴标准', en: 'One-time start-up subsidy', unit: 'fen' },
    'startup-project.min': { zh: '创业带动就业项目补助下限', en: 'Start-up project grant: lowest', unit: 'fen' },
    'startup-project.max': { zh: '创业带动就业项目补助上限', en: 'Start-up project grant: highest', unit: 'fen' },
    'startup-follow-on.amount': { zh: '创业补贴（后续）标准', en: 'Follow-on start-up subsidy', unit: 'fen' },
    'internship.monthly': {
      zh: '就业见习补贴（每人每月）',
      en: 'Internship subsidy per person per month',
      unit: 'fen',
    },
    'internship.monthly.retention-500': {
      zh: '就业见习补贴（留用率达50%，每人每月）',
      en: 'Internship subsidy per month at 50% retention',
      unit: 'fen',
    },
    'internship.monthly.retention-600': {
      zh: '就业见习补贴（留用率达60%，每人每月）',
      en: 'Internship subsidy per month at 60% retention',
      unit: 'fen',
    },
    'internship.monthly.retention-700': {
      zh: '就业见习补贴（留用率达70%，每人每月）',
      en: 'Internship subsidy per month at 70% retention',
      unit: 'fen',
    },
    'internship.at-minimum-wage': {
      zh: '就业见习补贴按当地最低工资标准',
      en: 'Internship subsidy at the local minimum wage',
      unit: 'flag',
    },
    'minimum-wage.monthly': { zh: '当地月最低工资标准', en: 'Local monthly minimum wage', unit: 'fen' },
    'social-insurance.flexible-share-permille': {
      zh: '灵活就业社会保险补贴比例',
      en: 'Flexible-employment insurance subsidy share',
      unit: 'permille',
    },
    'premises-rent.share-permille': { zh: '场所租赁补贴比例', en: 'Premises rent subsidy share', unit: 'permille' },
    'premises-rent.cap': { zh: '场所租赁补贴上限', en: 'Premises rent subsidy cap', unit: 'fen' },
    'incubation-award.incubation-base-city': {
      zh: '市级创业孵化基地奖补',
      en: 'Award to a city-level incubation base',
      unit: 'fen',
    },
    'incubation-award.incubation-base-county': {
      zh: '县级创业孵化基地奖补',
      en: 'Award to a county-level incubation base',
      unit: 'fen',
    },
    'incubation-award.incubation-base-excellent': {
      zh: '优秀创业孵化基地奖补',
      en: 'Award to an excellent incubation base',
      unit: 'fen',
    },
    'incubation-award.per-entity': {
      zh: '创业孵化基地奖补（每孵化一户）',
      en: 'Incubation base award per entity incubated',
      unit: 'fen',
    },
    'incubation-award.per-job': {
      zh: '创业孵化基地奖补（每带动就业一人）',
      en: 'Incubation base award per job created',
      unit: 'fen',
    },
  },
  values: [
    // 一次性求职补贴
    {
      parameter: 'job-seeking.amount',
      region: '621000',
      from: '2023-10-27',
      value: yuan(1000),
      source: 'text',
      citation: QY102('第22条'),
    },
    {
      parameter: 'job-seeking.amount',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: yuan(1500),
      source: 'text',
      citation: SC34('（十四）'),
    },
    // 一次性创业补贴
    {
      parameter: 'startup.amount',
      region: '621000',
      from: '2023-10-27',
      value: yuan(5000),
      source: 'text',
      citation: QY102('第14条'),
    },
    // 庆阳 第14条: 3—15万元省级创业带动就业资金补助 per project.
    {
      parameter: 'startup-project.min',
      region: '621000',
      from: '2023-10-27',
      value: wan(3),
      source: 'text',
      citation: QY102('第14条'),
    },
    {
      parameter: 'startup-project.max',
      region: '621000',
      from: '2023-10-27',
      value: wan(15),
      source: 'text',
      citation: QY102('第14条'),
    },
    {
      parameter: 'startup.amount',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: wan(1),
      source: 'text',
      citation: SC34('（五）'),
    },
    // 就业见习补贴: 庆阳 1000元/月, raised to 1200/1350/1500 at retention 50%/60%/70%.
    {
      parameter: 'internship.monthly',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1000),
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.monthly.retention-500',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1200),
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.monthly.retention-600',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1350),
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.monthly.retention-700',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1500),
      source: 'text',
      citation: QY102('第12条'),
    },
    // 四川: 按当地最低工资标准给予用人单位就业见习补贴 — the standard is the local minimum wage.
    {
      parameter: 'internship.at-minimum-wage',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 1,
      source: 'text',
      citation: SC34('（十三）'),
    },
  ],
};
