/**
 * Occupations (职业), as data: the eight major groups (大类) of 《中华人民共和国职业分类大典（2022年版）》
 * (8 大类、79 中类、449 小类、1636 职业; codes `大类-中类-小类-职业`, FACTS.md "Occupations and skill
 * levels"), and the occupations the policy texts and the training catalogue name, each with the code
 * its 国家职业技能标准 carries. A region adds occupations here as data; matching compares codes, so
 * two postings for the same occupation match whatever their titles.
 */
export interface Occupation {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export const CLASSIFICATION = '《中华人民共和国职业分类大典（2022年版）》';

export const MAJOR_GROUPS: readonly Occupation[] = [
  {
    code: '1',
    zh: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
    en: 'Heads of Party and state organs, mass and social organisations, enterprises and institutions',
  },
  { code: '2', zh: '专业技术人员', en: 'Professional and technical personnel' },
  { code: '3', zh: '办事人员和有关人员', en: 'Clerical and related personnel' },
  { code: '4', zh: '社会生产服务和生活服务人员', en: 'Social production and life service personnel' },
  {
    code: '5',
    zh: '农、林、牧、渔业生产及辅助人员',
    en: 'Agriculture, forestry, animal husbandry and fishery workers',
  },
  { code: '6', zh: '生产制造及有关人员', en: 'Production, manufacturing and related personnel' },
  { code: '7', zh: '军人', en: 'Military personnel' },
  { code: '8', zh: '不便分类的其他从业人员', en: 'Other workers not elsewhere classified' },
];

export const OCCUPATIONS: readonly Occupation[] = [
  { code: '4-01-02-01', zh: '营销员', en: 'Salesperson' },
  { code: '4-01-02-02', zh: '电子商务师', en: 'E-commerce specialist' },
  { code: '4-01-02-07', zh: '互联网营销师', en: 'Internet marketer (live-stream sales)' },
  { code: '4-02-07-08', zh: '快递员', en: 'Courier' },
  { code: '4-03-02-01', zh: '中式烹调师', en: 'Chinese cook' },
  { code: '4-03-02-03', zh: '中式面点师', en: 'Chinese pastry cook' },
  { code: '4-07-05-01', zh: '保安员', en: 'Security guard' },
  { code: '4-10-01-02', zh: '育婴员', en: 'Infant carer' },
  { code: '4-10-01-05', zh: '养老护理员', en: 'Elderly care worker' },
  { code: '4-10-01-06', zh: '家政服务员', en: 'Domestic service worker' },
  { code: '6-18-01-01', zh: '车工', en: 'Lathe operator' },
  { code: '6-18-01-02', zh: '铣工', en: 'Milling machine operator' },
  { code: '6-18-02-04', zh: '焊工', en: 'Welder' },
  { code: '6-31-01-03', zh: '电工', en: 'Electrician' },
];

const BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));
const BY_NAME = new Map(OCCUPATIONS.map((o) => [o.zh, o]));

export function occupation(code: string): Occupation | undefined {
  return BY_CODE.get(code);
}

/** A certificate names its occupation (职业/工种) in words; the code it belongs to, if known. */
export function occupationCodeOf(name: string): string | undefined {
  return BY_NAME.get(name)?.code;
}

/** The medium group (中类) of a code: `6-31-01-03` → `6-31`. Seekers are indexed by it. */
export function mediumGroup(code: string): string {
  return code.slice(0, 4);
}
