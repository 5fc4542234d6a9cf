import type { ParameterList } from '../../core/parameters.js';
import { CS181, QY102, SC2025, SC34 } from '../../rules/common.js';

/** Durations the texts state for 就业见习补贴: how recently a graduate left school. */
export const INTERNSHIP_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: {
    'internship.graduate-left-school-years': {
      zh: '就业见习：离校年限',
      en: 'Internship: years since leaving school',
      unit: 'years',
    },
  },
  values: [
    // 就业见习补贴: 离校2年内未就业高校毕业生.
    {
      parameter: 'internship.graduate-left-school-years',
      region: '000000',
      from: '2023-12-20',
      value: 2,
      source: 'text',
      citation: CS181('第七条'),
    },
    {
      parameter: 'internship.graduate-left-school-years',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 2,
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.graduate-left-school-years',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 2,
      source: 'text',
      citation: SC34('（十三）'),
    },
    {
      parameter: 'internship.graduate-left-school-years',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 2,
      source: 'text',
      citation: SC2025('第六条（六）'),
    },
  ],
};
