import { describe, expect, it } from 'vitest';
import { explainsItself, saysSomething } from './said.js';

describe('a reason that says something', () => {
  it('has a letter or a digit, in any script', () => {
    for (const said of ['材料不全', 'x', '3', '已于12月8日到窗口出示原件', 'Ⅳ级'])
      expect(saysSomething(said), said).toBe(true);
  });
  it('is not blanks, stops or marks that print as nothing', () => {
    for (const blank of [undefined, null, '', '   ', '\u3000', '\u00a0', '\u200b', '\ufeff', '。。', '——', '\n\t'])
      expect(saysSomething(blank), JSON.stringify(blank)).toBe(false);
  });
});

describe('a reason kept for oversight explains itself', () => {
  it('has at least four letters, digits or Chinese characters, marks aside', () => {
    for (const said of ['调整标准', '经局务会研究', 'per 2027 budget', '文件1号'])
      expect(explainsItself(said), said).toBe(true);
  });
  it('is not a letter or two, nor marks however many', () => {
    for (const thin of [undefined, '', 'x', '测试', '试设。', 'ab c', '!!!!!!', '。。。。', '\u200bx\u200by\u200b'])
      expect(explainsItself(thin), JSON.stringify(thin)).toBe(false);
  });
  it('is not one character typed over and over, in either case', () => {
    for (const filler of ['xxxx', 'XxXx', '1111', '好好好好', 'a a a a a a'])
      expect(explainsItself(filler), filler).toBe(false);
    for (const said of ['好好学习', 'aab1', '1112']) expect(explainsItself(said), said).toBe(true);
  });
});
