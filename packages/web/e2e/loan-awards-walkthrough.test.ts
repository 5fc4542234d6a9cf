import { describe, expect, it, vi } from 'vitest';
import { expectOk, staff, TestClock } from '../../server/src/testing/fixtures.js';
import { browserWalk, checkAndShoot } from './harness.js';

/**
 * 创业担保贷款奖补 and the register on the dashboard (issue 20), in a real browser, in January 2026
 * on the demo city's 2025 loans: the clerk sees that 成都 has set no award share, so nothing can be
 * filed; the city's policy officer sets 0.5% for lending banks with its own document; the clerk
 * files the bank's award, which goes to the review queue; the approver finds the loan register's
 * totals on the dashboard and follows the link to the desk.
 */
vi.setConfig({ testTimeout: 120_000 });
const clock = TestClock.at('2026-01-12T10:00:00+08:00');
const walk = browserWalk({ clock });

describe('the year’s awards for start-up lending, and the register on the dashboard', () => {
  it('with no share set, the report says so and the file button is off', async () => {
    const v = await walk.as('zh-CN', 'clerk');
    await v.page.goto('/#/loans');
    await v.page.getByTestId('loan-awards-year').fill('2025');
    await expect
      .poll(() => v.page.getByTestId('loan-awards-rule-bank').innerText())
      .toContain('本地区未规定2025年度经办银行奖补标准');
    expect(await v.page.getByTestId('loan-awards-file').isDisabled()).toBe(true);
    await checkAndShoot(v, 'loans-awards-unset');
  });

  it('成都 sets 0.5% for banks; the clerk files the bank’s award once', async () => {
    const officer = await staff(walk.platform.app, 'award-policy', ['parameter-officer'], '510100');
    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter: 'startup-loan.award-bank-permille',
        regionCode: '510100',
        from: '2025-01-01',
        value: 5,
        note: '成财金〔2025〕1号 第三条（示例）',
      }),
      201,
    );
    const v = await walk.as('zh-CN', 'clerk');
    await v.page.goto('/#/loans');
    await v.page.getByTestId('loan-awards-year').fill('2025');
    await expect.poll(() => v.page.getByTestId('loan-awards-rule-bank').innerText()).toContain('0.5%');
    await v.page.getByTestId('loan-awards-file').click();
    await expect.poll(() => v.page.getByTestId('loan-awards').innerText()).toContain('已申报 1 笔奖补');
    expect(await v.page.getByTestId('loan-awards-table').innerText()).toContain('成财金〔2025〕1号');
    await checkAndShoot(v, 'loans-awards-filed');
    const en = await walk.as('en-US', 'clerk');
    await en.page.goto('/#/loans');
    await en.page.getByTestId('loan-awards-year').fill('2025');
    await expect.poll(() => en.page.getByTestId('loan-awards').innerText()).toContain('Lending bank');
    await checkAndShoot(en, 'loans-awards-filed-en');
  });

  it('the dashboard shows the loan register’s totals, its default rate over all regions, and leads to the loans desk', async () => {
    const v = await walk.as('zh-CN', 'approver');
    await v.page.goto('/#/supervision/dashboard');
    await expect.poll(() => v.page.getByTestId('dashboard-loans').innerText()).toContain('创业担保贷款台账');
    // One rate for all the caller's regions, weighed by their loans.
    expect(await v.page.getByTestId('dashboard-loans-default-rate').innerText()).toMatch(/违约率\s*\d+\.\d%/);
    await checkAndShoot(v, 'dashboard-loan-register');
    await v.page.getByTestId('dashboard-loans-link').click();
    await v.page.getByTestId('loan-register').waitFor();
  });
});
