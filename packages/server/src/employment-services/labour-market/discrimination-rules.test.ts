import { describe, expect, it } from 'vitest';
import { findDiscrimination } from './discrimination-rules.js';
import { queryTerms, searchTerms } from './search-terms.js';

const words = (text: string) => findDiscrimination({ requirements: text }).map((f) => [f.rule.ground, f.words]);

describe('discriminatory content (就业促进法 第三条、第二十六至三十一条; 人力资源市场暂行条例 第二十四条)', () => {
  it('a restriction by sex, age, ethnicity, origin, marriage or health is named with its words', () => {
    expect(words('仅限女性')).toEqual([['sex', '仅限女性']]);
    expect(words('年龄不超过40岁')).toEqual([['age', '不超过40岁']]);
    expect(words('限汉族')).toEqual([['ethnicity', '限汉族']]);
    expect(words('外地户口勿扰')).toEqual([['origin', '外地户口勿扰']]);
    // A 户籍 asked for, or listed among the requirements, as much as "限本地户口".
    expect(words('持本地户口')).toEqual([['origin', '持本地户口']]);
    expect(words('高中以上，本地户口，能倒班')).toEqual([['origin', '本地户口']]);
    expect(words('本市户籍')).toEqual([['origin', '本市户籍']]);
    expect(words('已婚已育优先')).toEqual([['marital-status', '已婚已育优先']]);
    expect(words('入职3年内不得生育')).toEqual([
      ['marital-status', '3年内不得生育'],
      ['marital-status', '不得生育'],
    ]);
    expect(words('乙肝携带者勿扰')).toEqual([['health', '乙肝携带者勿扰']]);
    // A bare status listed among the requirements, as much a restriction as "限未婚".
    expect(words('大专以上，未婚，能出差')).toEqual([['marital-status', '未婚']]);
    expect(words('未婚')).toEqual([['marital-status', '未婚']]);
    // A sex listed among the requirements, as much as "限男性".
    expect(words('男性，35周岁以下，本地户口')).toEqual([
      ['sex', '男性'],
      ['age', '35周岁以下'],
      ['origin', '本地户口'],
    ]);
    expect(words('女')).toEqual([['sex', '女']]);
    // Recruiting one sex, however it is put.
    expect(words('招聘女性前台')).toEqual([['sex', '招聘女性']]);
    expect(words('仅招男性')).toEqual([['sex', '仅招男性']]);
    expect(words('急招男工两名')).toEqual([['sex', '招男工']]);
  });

  it('neutral wording and the law’s own age bounds pass', () => {
    expect(words('男女不限，性别不限，民族不限')).toEqual([]);
    expect(words('男、女均可，男女皆可，男/女不限')).toEqual([]);
    // A sex inside other words is not a requirement: a women's-wear shop, a men's dormitory.
    expect(words('女装店铺导购，提供男生宿舍')).toEqual([]);
    expect(words('招聘男女服务员，招聘女性用品导购')).toEqual([]);
    expect(words('年满18周岁，18-60岁')).toEqual([]);
    expect(words('持电工证，能适应倒班，有责任心')).toEqual([]);
    // Where the job is, or help with one's own registration, is not a restriction on who may apply.
    expect(words('工作地点在本市，可协助办理本地户口迁入')).toEqual([]);
    // Said not to matter, in the words employers use.
    expect(words('无需本地户口')).toEqual([]);
    expect(words('不需要本地户籍，能吃苦')).toEqual([]);
    expect(words('本地户口、外地户口均可')).toEqual([]);
    expect(words('本地外地户籍都可')).toEqual([]);
    // Inside other words they are not a requirement: 婚否不限 says the opposite, 已婚公寓 is housing.
    expect(words('婚否不限，提供已婚公寓')).toEqual([]);
  });

  it('names each field it was found in', () => {
    expect(findDiscrimination({ title: '男士优先', description: '30岁以下' }).map((f) => f.field)).toEqual([
      'title',
      'description',
    ]);
  });
});

describe('keyword terms without a word segmenter (decision 019)', () => {
  it('a text is indexed by its characters and bigrams; Latin runs lower-cased whole', () => {
    expect(searchTerms('数控车工 PLC')).toEqual(['plc', '车', '车工', '工', '控', '控车', '数', '数控'].sort());
  });

  it('a query asks for its bigrams, or its one character, across words', () => {
    expect(queryTerms('车工')).toEqual(['车工']);
    expect(queryTerms('电')).toEqual(['电']);
    expect(queryTerms('数控车工 PLC')).toEqual(['plc', '控车', '数控', '车工'].sort());
  });
});
