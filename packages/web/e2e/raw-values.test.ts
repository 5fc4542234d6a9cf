import { describe, expect, it } from 'vitest';
import { rawValues } from './raw-values.js';

describe('the raw-value check fails what a person should never read', () => {
  it('finds the raw values issue 16 saw on screen', () => {
    expect(rawValues('所用参数: job-seeking.amount = 150000 (000000, 2024-07-13)', 'zh-CN')).toEqual(
      expect.arrayContaining([
        'parameter id job-seeking.amount',
        'an amount not in 元: = 150000',
        'the national region code 000000',
      ]),
    );
    expect(rawValues('补贴方式 once', 'zh-CN')).toContain('an enum literal: once');
    expect(rawValues('State not-accepted', 'en-US')).toContain('an enum literal: not-accepted');
    expect(rawValues('金额 150000 元', 'zh-CN')).toContain('an amount not in 元: 150000 元');
    expect(rawValues('金额 1500 元', 'zh-CN')).toContain('an amount not in 元: 1500 元');
    expect(rawValues('金额150000元', 'zh-CN')).toContain('an amount not in 元: 150000元');
    expect(rawValues('对账结果：sequence not in this batch', 'zh-CN')).toContain(
      'English text: sequence not in this batch',
    );
    expect(rawValues('来源 local-setting', 'zh-CN')).toContain('an enum literal: local-setting');
    // The audit page once named each record by its uuid.
    expect(rawValues('对象 申请 afc88e5c-09e7-431d-a4f0-90ffd4fbbe6d', 'zh-CN')).toContain(
      'a record id: afc88e5c-09e7-431d-a4f0-90ffd4fbbe6d',
    );
  });

  it('passes labels, money in 元, dates and data allowed on the page', () => {
    expect(rawValues('一次性求职补贴标准 1,500 元（四川省，2024-07-13 起）导出 Excel', 'zh-CN')).toEqual([]);
    expect(rawValues('One-time job-seeking subsidy ¥1,500.00 (Sichuan, from 2024-07-13)', 'en-US')).toEqual([]);
    expect(rawValues('失败原因 ACCT CLOSED 用户名 clerk', 'zh-CN', ['ACCT CLOSED', 'clerk'])).toEqual([]);
    // A policy's standard in the document's own words.
    expect(rawValues('标准 每人1500元；初级1000元、中级1500元', 'zh-CN')).toEqual([]);
    expect(rawValues('申请编号 SQ202612010001 共 1234 条', 'zh-CN')).toEqual([]);
    // An engine explanation's result, in 元 (a loan period's 贴息), is money shown as money.
    expect(rawValues('利息880.83元 × 贴息50% = 440.41元（分以下舍去）', 'zh-CN')).toEqual([]);
    // On an English page a Chinese name or note keeps its own marks.
    expect(rawValues('Job referral: 推荐至锦江区物流企业、社区养老服务中心：面试', 'en-US')).toEqual([]);
  });

  it('finds Chinese list marks and colons in an English sentence of ours', () => {
    expect(rawValues('Asked for: Vocational training subsidy、Living allowance', 'en-US')).toContain(
      'Chinese punctuation in English: y、',
    );
    expect(rawValues('Job referral：Phoned, two postings suggested', 'en-US')).toContain(
      'Chinese punctuation in English: l：',
    );
    expect(rawValues('Prepared by ：＿＿＿', 'en-US')).toContain('Chinese punctuation in English: y ：');
  });

  it('finds an article numbered in Chinese in an English page’s citation, not in a Chinese one', () => {
    expect(rawValues('Basis: 财社〔2023〕181号 第二十三条', 'en-US')).toContain('an article in Chinese: 号 第二十三条');
    expect(rawValues('Basis: 财社〔2023〕181号 Art. 23', 'en-US')).toEqual([]);
    expect(rawValues('依据：财社〔2023〕181号 第二十三条', 'zh-CN')).toEqual([]);
    // A reviewer's note in Chinese, quoted as written on an English page, is theirs, not ours.
    expect(rawValues('Note: 请删除（《就业促进法》第三条）', 'en-US')).toEqual([]);
  });
});
