import { describe, expect, it } from 'vitest';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';
import { namePathOf, showOnFields } from './server-field-errors.js';

describe('a refused field’s path as the form names it', () => {
  it('reads names and list items', () => {
    expect(namePathOf('claim.hires[0].idNumber')).toEqual(['claim', 'hires', 0, 'idNumber']);
    expect(namePathOf('username')).toEqual(['username']);
    expect(namePathOf('declarations[1].data.date')).toEqual(['declarations', 1, 'data', 'date']);
  });

  it('is no path for what is not one', () => {
    expect(namePathOf('')).toEqual([]);
    expect(namePathOf('claim..x')).toEqual([]);
  });
});

describe('a refusal shown under its field', () => {
  function formWith(fields: string[]) {
    const set: { name: (string | number)[]; errors: string[] }[] = [];
    const form = {
      getFieldInstance: (name: (string | number)[]) => (fields.includes(name.join('.')) ? {} : undefined),
      setFields: (placed: typeof set) => set.push(...placed),
      scrollToField: () => undefined,
    } as unknown as FormInstance;
    return { form, set };
  }
  const hireRefused = new ApiError(
    400,
    'INVALID_ID_NUMBER',
    '字段 申请内容 › 录用人员，第 1 项 › 身份证号码：身份证号码无效（校验码不符）',
    'claim.hires[0].idNumber',
    undefined,
    '身份证号码无效（校验码不符）',
  );

  it('says the reason there, not the field’s name again', () => {
    const { form, set } = formWith(['hires.0.idNumber']);
    expect(showOnFields(form, hireRefused, (p) => p.slice(1))).toBe(true);
    expect(set).toEqual([{ name: ['hires', 0, 'idNumber'], errors: ['身份证号码无效（校验码不符）'] }]);
  });

  it('is not placed, and is left to the page, when the form has no such field', () => {
    const { form, set } = formWith([]);
    expect(showOnFields(form, hireRefused)).toBe(false);
    expect(set).toEqual([]);
  });
});
