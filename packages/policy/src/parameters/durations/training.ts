import type { ParameterList } from '../../core/parameters.js';
import { CS181, QY102, SC2025, SC34 } from '../../rules/common.js';

/** Durations the texts state for 职业培训补贴 for new hires, and 技能提升补贴: contract, training window, insured months. */
export const TRAINING_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: {
    'skill-upgrading.insured-months': {
      zh: '技能提升补贴：参保月数',
      en: 'Skill upgrading: months insured',
      unit: 'months',
    },
    'vocational-training.new-hire-contract-months': {
      zh: '新录用职工培训：最短合同期限',
      en: 'New-hire training: shortest contract',
      unit: 'months',
    },
    'vocational-training.new-hire-trained-within-months': {
      zh: '新录用职工培训：录用后培训期限',
      en: 'New-hire training: months after hiring',
      unit: 'months',
    },
  },
  values: [
    // 职业培训补贴, 企业新录用职工: 签订1年以上期限劳动合同, 签订之日起1年内参加培训.
    {
      parameter: 'vocational-training.new-hire-contract-months',
      region: '000000',
      from: '2023-12-20',
      value: 12,
      source: 'text',
      citation: CS181('第五条（二）'),
    },
    {
      parameter: 'vocational-training.new-hire-contract-months',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 12,
      source: 'text',
      citation: SC2025('第六条（一）'),
    },
    {
      parameter: 'vocational-training.new-hire-trained-within-months',
      region: '000000',
      from: '2023-12-20',
      value: 12,
      source: 'text',
      citation: CS181('第五条（二）'),
    },
    {
      parameter: 'vocational-training.new-hire-trained-within-months',
      region: '510000',
      from: '2025-05-01',
      to: '2028-04-30',
      value: 12,
      source: 'text',
      citation: SC2025('第六条（一）'),
    },
    // 技能提升补贴: 参加失业保险1年以上.
    {
      parameter: 'skill-upgrading.insured-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 12,
      source: 'text',
      citation: QY102('第18条'),
    },
    {
      parameter: 'skill-upgrading.insured-months',
      region: '510000',
      from: '2024-07-13',
      to: '2024-12-31',
      value: 12,
      source: 'text',
      citation: SC34('（十九）'),
    },
  ],
};
