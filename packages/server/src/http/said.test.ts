import { describe, expect, it } from 'vitest';
import { saysSomething } from './said.js';

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
