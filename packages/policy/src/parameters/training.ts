import { yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { GZ2022, QY102 } from '../rules/common.js';

/**
 * Training, evaluation and skill-upgrading standards stated in the texts. Standards the texts leave
 * to the province or city (财社〔2023〕181号 第十五条) are `local-setting` values kept by the server.
 */
export const trainingParameters: ParameterList = {
  source: import.meta.url,
  labels: {
    'training-living-allowance.per-day': {
      zh: '培训期间生活费补贴（每人每天）',
      en: 'Training living allowance per person per day',
      unit: 'fen',
    },
    'skill-evaluation.cap': { zh: '职业技能评价补贴上限', en: 'Skill evaluation subsidy cap', unit: 'fen' },
    'skill-evaluation.standard': { zh: '职业技能评价补贴标准', en: 'Skill evaluation subsidy', unit: 'fen' },
    'skill-upgrading.level-5': {
      zh: '技能提升补贴（初级工/五级）',
      en: 'Skill upgrading subsidy (level 5, basic)',
      unit: 'fen',
    },
    'skill-upgrading.level-4': {
      zh: '技能提升补贴（中级工/四级）',
      en: 'Skill upgrading subsidy (level 4, intermediate)',
      unit: 'fen',
    },
    'skill-upgrading.level-3': {
      zh: '技能提升补贴（高级工/三级）',
      en: 'Skill upgrading subsidy (level 3, advanced)',
      unit: 'fen',
    },
    'vocational-training.standard': { zh: '职业技能培训补贴标准', en: 'Vocational training subsidy', unit: 'fen' },
    'enterprise-training.new-hire.per-person': {
      zh: '企业新录用职工岗前培训补贴（每人）',
      en: 'Enterprise pre-job training per new hire',
      unit: 'fen',
    },
    'enterprise-training.apprenticeship.per-person': {
      zh: '企业新型学徒制培训补贴（每人）',
      en: 'Enterprise apprenticeship training per person',
      unit: 'fen',
    },
    'enterprise-training.technician.per-person': {
      zh: '企业技师培训补贴（每人）',
      en: 'Enterprise technician training per person',
      unit: 'fen',
    },
    'project-training.employment-skills.per-person': {
      zh: '项目制就业技能培训补贴（每人）',
      en: 'Project-based employment-skills training per person',
      unit: 'fen',
    },
    'project-training.entrepreneurship.per-person': {
      zh: '项目制创业培训补贴（每人）',
      en: 'Project-based entrepreneurship training per person',
      unit: 'fen',
    },
    'high-skill.high-skill-training-base-national.award': {
      zh: '国家级高技能人才培训基地补助',
      en: 'Award to a national high-skill training base',
      unit: 'fen',
    },
    'high-skill.high-skill-training-base-provincial.award': {
      zh: '省级高技能人才培训基地补助',
      en: 'Award to a provincial high-skill training base',
      unit: 'fen',
    },
    'high-skill.skill-master-studio-national.award': {
      zh: '国家级技能大师工作室补助',
      en: 'Award to a national skill-master studio',
      unit: 'fen',
    },
    'high-skill.skill-master-studio-provincial.award': {
      zh: '省级技能大师工作室补助',
      en: 'Award to a provincial skill-master studio',
      unit: 'fen',
    },
  },
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
