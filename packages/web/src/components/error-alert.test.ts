import { describe, expect, it } from 'vitest';
import { columnOf, rowProblem } from './error-alert.js';

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

describe('the column a row’s problem is in', () => {
  const problem = { row: 3, column: '身份证号码 (idNumber)', columnName: { zh: '身份证号码', en: 'ID number' } };

  it('is named in the page’s language, not by the template’s header with its key', () => {
    expect(columnOf(problem, 'en-US')).toBe('ID number');
    expect(columnOf(problem, 'zh-CN')).toBe('身份证号码');
    expect(rowProblem(columnOf(problem, 'en-US'), 'ID number: check digit wrong', ': ')).toBe(
      ' ID number: check digit wrong',
    );
  });

  it('is not named again by a field’s message that begins with “Field” and its name', () => {
    expect(rowProblem('Employer credit code', 'Field Employer credit code: not valid', ': ')).toBe(
      ' Employer credit code: not valid',
    );
    expect(rowProblem('用人单位统一社会信用代码', '字段 用人单位统一社会信用代码：校验码错误', '：')).toBe(
      ' 用人单位统一社会信用代码：校验码错误',
    );
  });

  it('keeps a bracket that is part of the name: “Standard (yuan)” is said once', () => {
    expect(rowProblem('Standard (yuan)', 'Standard (yuan): not an amount', ': ')).toBe(
      ' Standard (yuan): not an amount',
    );
    expect(rowProblem('补贴标准（元）', '补贴标准（元）：金额应为元', '：')).toBe(' 补贴标准（元）：金额应为元');
  });

  it('is the header as sent when the server names it no other way, and nothing without a column', () => {
    expect(columnOf({ row: 3, column: '学时 (hours)' }, 'en-US')).toBe('学时 (hours)');
    expect(columnOf({ row: 1 }, 'en-US')).toBe('');
  });
});
