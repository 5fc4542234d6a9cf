import { describe, expect, it } from 'vitest';
import { rowProblem } from './error-alert.js';

describe('a refused row’s problem', () => {
  it('names its column once when the message begins with it', () => {
    expect(rowProblem('本期利息（元） (interest)', '本期利息（元）：金额应为元，最多两位小数', '：')).toBe(
      ' 本期利息（元） (interest)：金额应为元，最多两位小数',
    );
    expect(rowProblem('Interest (yuan) (interest)', 'Interest (yuan): not an amount', ': ')).toBe(
      ' Interest (yuan) (interest): not an amount',
    );
  });

  it('keeps both where the message says something else first, and the message alone without a column', () => {
    expect(rowProblem('学时 (hours)', '应为正整数', '：')).toBe(' 学时 (hours) 应为正整数');
    expect(rowProblem('', '文件为空', '：')).toBe(' 文件为空');
  });
});
