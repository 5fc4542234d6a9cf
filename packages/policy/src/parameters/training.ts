import { yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { GZ2022, QY102 } from '../rules/common.js';

/**
 * Training, evaluation and skill-upgrading standards stated in the texts. Standards the texts leave
 * to the province or city (财社〔2023〕181号 第十五条) are `local-setting` values kept by the server.
 */
export const trainingParameters: ParameterList = {
  source: import.meta.url,
  values: [
    // 贵州: 落实贫困劳动力每人每天40元生活费 (二（十）).
    {
      parameter: 'training-living-allowance.per-day',
      region: '520000',
      from: '2022-01-14',
      value: yuan(40),
      source: 'text',
      citation: GZ2022('三（十）'),
    },
    // 庆阳 19: 补贴标准最高不超过300元/人.
    {
      parameter: 'skill-evaluation.cap',
      region: '621000',
      from: '2023-10-27',
      value: yuan(300),
      source: 'text',
      citation: QY102('第19条'),
    },
    // 庆阳 18: 初级(五级)1000元、中级(四级)1500元、高级(三级)2000元, to 2023-12-31.
    {
      parameter: 'skill-upgrading.level-5',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1000),
      source: 'text',
      citation: QY102('第18条'),
    },
    {
      parameter: 'skill-upgrading.level-4',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1500),
      source: 'text',
      citation: QY102('第18条'),
    },
    {
      parameter: 'skill-upgrading.level-3',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(2000),
      source: 'text',
      citation: QY102('第18条'),
    },
  ],
};
