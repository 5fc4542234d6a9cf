/**
 * Discriminatory content in a posting (就业歧视), a rule list with its citations. A posting whose
 * title, requirements or description matches one is refused, naming the field and the words.
 *
 * - 《就业促进法》 第三条 (equal employment regardless of ethnicity, race, sex, religious belief),
 *   第二十六条 (employers and agencies shall not discriminate), 第二十七条 (women: no refusal by sex,
 *   no marriage or childbirth restrictions), 第二十八条 (ethnic minorities), 第三十条 (carriers of
 *   infectious pathogens), 第三十一条 (rural workers: no discriminatory restrictions);
 * - 《人力资源市场暂行条例》 (国务院令第700号) 第二十四条: recruitment information contains no
 *   discriminatory content on ethnicity, race, sex, religious belief and the like;
 * - 人社部办公厅 2023-12-28 直播带岗 notice: "不得设置或者发布歧视性内容".
 *
 * Age is not among the grounds the law lists, but an upper age limit is the "and the like" the
 * 条例 and the bureau's practice refuse; a lower bound of 16 or 18 is the law's own (劳动法 第十五条,
 * 未成年工 rules) and is let through.
 */
export interface DiscriminationRule {
  readonly ground: 'sex' | 'age' | 'ethnicity' | 'origin' | 'marital-status' | 'health';
  readonly zh: string;
  readonly en: string;
  readonly cite: string;
  readonly patterns: readonly RegExp[];
}

const LIMIT = '(?:仅限|只限|仅招|只招|仅要|只要|限招|限|要求|必须是|须为|需为)';
const SEP = '[^，。；,.;\\s]{0,4}';

export const DISCRIMINATION_RULES: readonly DiscriminationRule[] = [
  {
    ground: 'sex',
    zh: '性别限制',
    en: 'a restriction by sex',
    cite: '《就业促进法》第三条、第二十七条；《人力资源市场暂行条例》第二十四条',
    patterns: [
      new RegExp(`${LIMIT}\\s*(?:男|女)(?:性|士|生|工)?`, 'gu'),
      /(?:男|女)(?:性|士|生)?(?:优先|者优先)/gu,
      /(?:不招|谢绝|不要)\s*(?:男|女)(?:性|士|生|工)?/gu,
      // Recruiting one sex ("招聘女性前台", "招男工"); "招聘男女服务员" names both, and "女性用品" is goods.
      /(?<![仅只限不])(?:招聘|招收|招募|招)\s*(?:男|女)(?:性|士|生|工)(?!用品)/gu,
      // A sex standing alone as one of the requirements ("男性，35周岁以下，…") is a requirement too.
      /(?<=^|[，,；;、:：\s])(?:男|女)(?:性|士|生)?(?=$|[，,；;、。.\s])/gu,
    ],
  },
  {
    ground: 'age',
    zh: '年龄上限',
    en: 'an upper age limit',
    cite: '《人力资源市场暂行条例》第二十四条；人社部办公厅关于加强直播带岗规范管理的通知（2023-12-28）',
    patterns: [
      /\d{2}\s*周?岁\s*(?:以下|以内|之内)/gu,
      /(?:不超过|不大于|不高于|低于|小于|未满)\s*\d{2}\s*周?岁/gu,
      /\d{2}\s*(?:-|—|–|~|～|至|到)\s*\d{2}\s*周?岁/gu,
    ],
  },
  {
    ground: 'ethnicity',
    zh: '民族限制',
    en: 'a restriction by ethnicity',
    cite: '《就业促进法》第三条、第二十八条',
    patterns: [
      new RegExp(`${LIMIT}\\s*[\\p{Script=Han}]{1,3}族`, 'gu'),
      /[\p{Script=Han}]{1,3}族(?:优先|者优先)/gu,
      /(?:不招|谢绝|不要)\s*(?:少数民族|[\p{Script=Han}]{1,3}族)/gu,
      /少数民族\s*(?:除外|勿扰|免谈|不要)/gu,
    ],
  },
  {
    ground: 'origin',
    zh: '地域（籍贯、户籍）限制',
    en: 'a restriction by region of origin or household registration',
    cite: '《就业促进法》第三条、第三十一条；《人力资源市场暂行条例》第二十四条',
    patterns: [
      new RegExp(`${LIMIT}\\s*(?:本地|本市|本省|本县|本区)(?:户口|户籍|人)?`, 'gu'),
      /(?:本地|本市|本省)(?:户口|户籍|人)?(?:优先|者优先)/gu,
      new RegExp(`(?:外地|外省|外市|农村)(?:户口|户籍|人)?${SEP}(?:勿扰|免谈|不要|不招|除外)`, 'gu'),
      /(?:不招|谢绝|不要)\s*[\p{Script=Han}]{1,4}(?:籍|人|户口)/gu,
      // Asked to have one ("持本地户口") or listed as one of the requirements ("…，本地户口，…").
      /(?<![无不免])(?:需|须|需要|具有|具备|持有?|拥有)\s*(?:本地|本市|本省|本县|本区)(?:户口|户籍)/gu,
      /(?<=^|[，,；;、:：\s])(?:本地|本市|本省|本县|本区)(?:户口|户籍)(?=$|[，,；;、。.\s])/gu,
    ],
  },
  {
    ground: 'marital-status',
    zh: '婚育状况限制',
    en: 'a restriction by marital or childbearing status',
    cite: '《就业促进法》第二十七条；《妇女权益保障法》第四十三条',
    patterns: [
      new RegExp(`${LIMIT}\\s*(?:未婚|已婚|已育|未育)`, 'gu'),
      /(?:未婚|已婚|已育|未育)(?:已育)?(?:优先|者优先)/gu,
      /\d+\s*年内\s*(?:不得|不能|不准|不)\s*(?:结婚|生育|怀孕|生孩子)/gu,
      /(?:不得|不能|不准)\s*(?:结婚|生育|怀孕)/gu,
      // A status standing alone as one of the requirements ("…，未婚，…") is a requirement too.
      /(?<=^|[，,；;、:：\s])(?:未婚|已婚|已育|未育)(?=$|[，,；;、。.\s])/gu,
    ],
  },
  {
    ground: 'health',
    zh: '传染病病原携带者限制',
    en: 'a restriction on carriers of infectious pathogens',
    cite: '《就业促进法》第三十条',
    patterns: [new RegExp(`(?:乙肝|HIV|艾滋)${SEP}(?:勿扰|免谈|不要|不招|不录用|除外)`, 'giu')],
  },
];

const NEUTRAL = new RegExp(
  [
    '不限男女|性别不限|民族不限|户籍不限|婚否不限',
    // "男女不限", "男、女均可": either sex, said not to matter.
    '(?:男|女)[、和及与或/]?(?:男|女)(?:性|士|生)?[^，。；]{0,2}(?:均可|皆可|都可|不限)',
    // "无需本地户口", "本地、外地户口均可": a 户籍 said not to matter.
    '(?:无需|无须|不需要?|不要求|不限)\\s*(?:本地|本市|本省|本县|本区)(?:户口|户籍)',
    '(?:本地|本市|本省|外地|外省)[、和及与或]?(?:本地|本市|本省|外地|外省)?(?:户口|户籍)[^，。；]{0,8}(?:均可|皆可|都可|不限)',
  ].join('|'),
  'gu',
);

export interface Finding {
  readonly field: string;
  readonly words: string;
  readonly rule: DiscriminationRule;
}

/** Every discriminatory phrase in the fields, in field order, each with the rule it breaks. */
export function findDiscrimination(fields: Record<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    // "男女不限" says the opposite of a restriction; blanked so "要求男" does not match inside it.
    const normal = text.normalize('NFKC').replace(NEUTRAL, (m) => ' '.repeat(m.length));
    for (const rule of DISCRIMINATION_RULES)
      for (const pattern of rule.patterns)
        for (const m of normal.matchAll(pattern))
          if (!lawfulAge(rule, m[0])) out.push({ field, words: m[0].trim(), rule });
  }
  return out;
}

/** "16-60岁" sets a lower bound of 16 or 18 with an upper at the retirement ages: the law's, not a limit. */
function lawfulAge(rule: DiscriminationRule, words: string): boolean {
  if (rule.ground !== 'age') return false;
  const numbers = [...words.matchAll(/\d{2}/g)].map((m) => Number(m[0]));
  return numbers.length === 2 && (numbers[0] === 16 || numbers[0] === 18) && (numbers[1] ?? 0) >= 50;
}
