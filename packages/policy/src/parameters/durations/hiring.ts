import type { ParameterList } from '../../core/parameters.js';
import { QY102, SC34 } from '../../rules/common.js';

/** Durations the texts state for 一次性吸纳就业补贴 and 一次性扩岗补助: the contract, how recently a graduate left school, how long registered unemployed, a month insured. */
export const HIRING_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: {
    'hiring.contract-months': { zh: '吸纳就业劳动合同最短期限', en: 'Hiring: shortest contract', unit: 'months' },
    'hiring.graduate-left-school-years': {
      zh: '吸纳就业：离校年限',
      en: 'Hiring: years since leaving school',
      unit: 'years',
    },
    'hiring.registered-unemployed-months': {
      zh: '吸纳就业：登记失业最短时长',
      en: 'Hiring: shortest time registered unemployed',
      unit: 'months',
    },
    'expansion.insured-months': { zh: '扩岗补助：参保月数', en: 'Job expansion: months insured', unit: 'months' },
  },
  values: [
    // 一次性吸纳就业补贴, 一次性扩岗补助 (庆阳 第8条, 第22条; 四川 （四）).
    {
      parameter: 'hiring.contract-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 12,
      source: 'text',
      citation: QY102('第8条'),
    },
    {
      parameter: 'hiring.contract-months',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 12,
      source: 'text',
      citation: SC34('（四）'),
    },
    {
      parameter: 'hiring.graduate-left-school-years',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 2,
      source: 'text',
      citation: QY102('第8条'),
    },
    {
      parameter: 'hiring.registered-unemployed-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 6,
      source: 'text',
      citation: QY102('第22条'),
    },
    {
      parameter: 'expansion.insured-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 1,
      source: 'text',
      citation: QY102('第8条'),
    },
  ],
};
