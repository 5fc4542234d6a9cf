import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addMonths } from '../../policy/src/core/dates.js';
import { creditCode, idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { todayInShanghai } from '../../server/src/http/today.js';
import { login as apiLogin } from '../../server/src/testing/fixtures.js';
import { browserWalk, checkAndShoot, pageWidth, type Language } from './harness.js';

/**
 * An applicant who gets through alone (issue 17), at phone size and in both languages: a graduate
 * who founded an individual business registers, binds the account with a code to the phone on
 * record, asks the self-check (which asks about the business because the region's start-up subsidy
 * reads one), goes straight to the application with the answers carried over, sees the business
 * verified from the business registry the bureau loaded and the graduation as declared, and files
 * with the materials. A clerk confirms the graduation from the diploma and accepts; the claim is
 * reviewed, approved and paid, and the applicant sees it paid and is told so.
 */
vi.setConfig({ testTimeout: 120_000 });
const walk = browserWalk();
const PHONE = { width: 390, height: 844 };
const FOUNDED = addMonths(todayInShanghai(), -14);
const GRADUATED = addMonths(FOUNDED, -12);

interface Founder {
  language: Language;
  idNumber: string;
  name: string;
  username: string;
  phone: string;
  code: string;
  personId?: string;
  applicationUrl?: string;
}
const FOUNDERS: Record<Language, Founder> = {
  'zh-CN': {
    language: 'zh-CN',
    idNumber: idNumber('2002-07-08', 'male', '510104'),
    name: '赵小川',
    username: 'zhaoxiaochuan',
    phone: '13900001111',
    code: creditCode('510104'),
  },
  'en-US': {
    language: 'en-US',
    idNumber: idNumber('2001-09-10', 'female', '510104'),
    name: '钱小雨',
    username: 'qianxiaoyu',
    phone: '13900002222',
    code: creditCode('510104'),
  },
};
const PDF = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });

beforeAll(async () => {
  // What the bureau holds before anyone applies: the people (recorded at a counter, with their
  // phones) and the business registry's snapshot from 市场监管, loaded through data sharing.
  const clerk = await apiLogin(walk.platform.app, 'clerk', DEMO_PASSWORD);
  for (const f of Object.values(FOUNDERS)) {
    const res = await clerk.request('POST', '/api/v1/people', {
      idNumber: f.idNumber,
      name: f.name,
      regionCode: '510104',
      phone: f.phone,
    });
    expect(res.statusCode).toBe(201);
    f.personId = res.json<{ id: string }>().id;
  }
  const rows = Object.values(FOUNDERS).map(
    (f) => `${f.code},active,,${f.name}工作室,individual-business,micro,${FOUNDED},${f.idNumber}`,
  );
  const header = 'creditCode,status,deregisteredOn,name,form,sizeClass,registeredOn,founderIdNumber';
  const loaded = await clerk.request(
    'POST',
    `/api/v1/reference-snapshots/business-registry?takenOn=${todayInShanghai()}&source=${encodeURIComponent('市市场监管局')}`,
    Buffer.from([header, ...rows].join('\r\n'), 'utf8'),
    { 'content-type': 'text/csv' },
  );
  expect(loaded.statusCode).toBe(201);
});

const stateOf = (page: Page) => page.locator('[data-state]').first().getAttribute('data-state');

describe.each(['zh-CN', 'en-US'] as const)('a graduate founder on the phone (%s)', (language) => {
  const f = FOUNDERS[language];
  const shot = (name: string) => `founder-${name}`;

  it('registers and binds the account with a code sent to the phone on record', async () => {
    const v = await walk.as(language, undefined, PHONE);
    await v.page.goto('/#/register');
    await v.page.locator('#idNumber').fill(f.idNumber);
    await v.page.locator('#name').fill(f.name);
    await v.page.locator('#username').fill(f.username);
    // The demo password, so the walk's later visits can log in as her with the harness.
    await v.page.locator('#password').fill(DEMO_PASSWORD);
    await v.page.getByTestId('register-submit').click();
    await v.page.getByTestId('identity-methods').waitFor();
    await v.page.getByTestId('sms-send').click();
    await v.page.getByTestId('sms-sent').waitFor();
    const security = await walk.as(language, 'security');
    const outbox = security.page.getByTestId('outbox-table');
    const tail = f.phone.slice(-4);
    await expect.poll(() => outbox.innerText()).toContain(tail);
    const row = (await outbox.innerText()).split('\n').find((l) => l.includes(tail) && /\d{6}/.test(l)) ?? '';
    const code = /(\d{6})/.exec(row)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await v.page.getByTestId('sms-code').fill(code);
    await v.page.getByTestId('sms-bind').click();
    await v.page.getByTestId('identity-bound').waitFor();
    await checkAndShoot(v, shot('bound'));
  });

  it('asks the self-check, which asks about the business, and goes to apply with the answers', async () => {
    const v = await walk.as(language, f.username, PHONE);
    await v.page.goto('/#/self-check');
    await v.page.getByTestId('question-businesses').waitFor();
    await v.page.getByTestId('self-check-id').fill(f.idNumber);
    await v.page.locator('#graduationDate').click();
    await v.page.locator('#graduationDate').fill(GRADUATED);
    await v.page.keyboard.press('Enter');
    await v.page.getByTestId('self-check-business').fill(f.code);
    await v.page.locator('#businessRegisteredOn').click();
    await v.page.locator('#businessRegisteredOn').fill(FOUNDED);
    await v.page.keyboard.press('Enter');
    await v.page.getByTestId('self-check-run').click();
    await v.page.getByTestId('self-check-apply-one-time-startup').waitFor();
    await checkAndShoot(v, shot('self-check'));
    await v.page.getByTestId('self-check-apply-one-time-startup').click();

    // The business comes from the registry snapshot; the graduation is carried over as declared.
    const preview = v.page.getByTestId('apply-preview');
    await preview.getByTestId('standing-businesses-verified').waitFor();
    await preview.getByTestId('standing-graduation-declared').waitFor();
    await preview.getByTestId('decision-one-time-startup').waitFor();
    expect(await preview.innerText()).toMatch(/10,000|1万/);
    expect(await v.page.getByTestId('declarations').isVisible()).toBe(true);
    await checkAndShoot(v, shot('apply'));
    const width = await pageWidth(v.page);
    expect(width, 'no sideways scrolling at phone size').toBeLessThanOrEqual(PHONE.width);

    await v.page.getByTestId('apply-save').click();
    await v.page.getByTestId('evidence').waitFor();
    f.applicationUrl = v.page.url().replace(/^.*#/, '/#');
    // The saved draft has no decision yet: the card says what the engine would decide today.
    await v.page.getByTestId('draft-precheck').locator('.ant-alert-success').waitFor();
    for (const [material, name] of [
      [0, '身份证.pdf'],
      [2, '纳税记录.pdf'],
      [3, '毕业证书.pdf'],
    ] as const) {
      const chooser = v.page.waitForEvent('filechooser');
      await v.page.getByTestId(`evidence-upload-${material}`).click();
      await (await chooser).setFiles(PDF(name));
      await expect.poll(() => v.page.getByTestId('evidence').innerText()).toContain(name);
    }
    // The licence is not asked for: the business registry already confirms the business.
    await v.page.getByTestId('evidence-waived-1').waitFor();
    await v.page.getByTestId('action-submit').click();
    await expect.poll(() => stateOf(v.page)).toBe('submitted');
    // Decided on what is confirmed, the graduation not yet: said to wait for the check, not refused.
    await v.page.getByTestId('decision-awaiting-confirmation').waitFor();
    await checkAndShoot(v, shot('submitted'));
  });

  it('a clerk confirms the declared graduation from the diploma, then accepts', async () => {
    const clerk = await walk.as(language, 'clerk');
    await clerk.page.goto(f.applicationUrl ?? '/');
    const card = clerk.page.getByTestId('declarations-card');
    await card.waitFor();
    await card.getByRole('combobox').first().click();
    await clerk.page.locator('.ant-select-item-option', { hasText: '毕业证书.pdf' }).click();
    await card.getByTestId('declaration-confirm').click();
    await card.getByTestId('standing-graduation-confirmed').waitFor();
    expect(await card.getByTestId('standing-businesses-verified').count()).toBe(1);
    await checkAndShoot(clerk, shot('clerk-confirmed'));
    await clerk.page.getByTestId('action-accept').click();
    await expect.poll(() => stateOf(clerk.page)).toBe('accepted');
  });

  it('is reviewed, approved and paid, and the applicant sees it paid and is told', async () => {
    const app = walk.platform.app;
    const id = (f.applicationUrl ?? '').split('/').pop() ?? '';
    const step = async (username: string, action: string, extra: object = {}) => {
      const c = await apiLogin(app, username, DEMO_PASSWORD);
      const res = await c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    };
    // The reviewer is not told to check the licence: the registry stands in for it.
    const reviewer = await walk.as(language, 'reviewer');
    await reviewer.page.goto(f.applicationUrl ?? '/');
    await reviewer.page.getByTestId('evidence-waived-1').waitFor();
    await reviewer.page.getByTestId('action-review').waitFor();
    expect(await reviewer.page.getByTestId('materials-missing').count()).toBe(0);
    await step('reviewer', 'review', { reason: '营业执照经共享核验，毕业证书已核' });
    await step('approver', 'approve');
    await step('approver', 'release');
    const clerk = await apiLogin(app, 'clerk', DEMO_PASSWORD);
    const bank = await clerk.request('PUT', `/api/v1/people/${f.personId}/bank-account`, {
      accountNumber: language === 'zh-CN' ? '6217000010000000001' : '6217000010000000002',
      bankName: '中国建设银行',
    });
    expect(bank.statusCode, bank.body).toBeLessThan(300);
    await step('finance', 'pay', { paymentReference: `WALK-${language}` });

    const v = await walk.as(language, f.username, PHONE);
    await v.page.goto(f.applicationUrl ?? '/');
    await expect.poll(() => stateOf(v.page)).toBe('paid');
    // The payment's reference as it was given, not the record's `ref:` shorthand.
    const history = await v.page.locator('.ant-timeline').innerText();
    expect(history).toContain(`WALK-${language}`);
    expect(history).not.toContain('ref:');
    await checkAndShoot(v, shot('paid'));
    // Her applications, as cards on the phone rather than a table to scroll sideways.
    await v.page.goto('/#/my/applications');
    await expect.poll(() => v.page.getByTestId('my-applications-cards').innerText()).toMatch(/已拨付|paid/i);
    expect(await pageWidth(v.page)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(v, shot('my-applications'));
    await v.page.goto('/#/my/messages');
    await expect.poll(() => v.page.locator('body').innerText()).toMatch(/拨付|paid/i);
    await checkAndShoot(v, shot('messages'));
  });

  it('a clerk on a phone: the back office header fits, with the name cut short', async () => {
    const v = await walk.as(language, 'clerk', PHONE);
    await v.page.goto('/#/work');
    await v.page.getByTestId('logout').waitFor();
    expect(await pageWidth(v.page)).toBeLessThanOrEqual(PHONE.width);
    const logout = await v.page.getByTestId('logout').boundingBox();
    expect(logout && logout.x + logout.width).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(v, shot('clerk-phone'));
  });

  it('the public policy list on the phone: searchable, nothing to scroll sideways', async () => {
    const v = await walk.as(language, undefined, PHONE);
    await v.page.goto('/');
    await v.page.getByTestId('policy-one-time-startup').waitFor();
    await v.page
      .getByTestId('policy-search')
      .locator('input')
      .fill(language === 'zh-CN' ? '营业执照' : 'business licence');
    await expect.poll(() => v.page.locator('[data-testid^="policy-"][data-testid$="-job-seeking"]').count()).toBe(0);
    expect(await v.page.getByTestId('policy-one-time-startup').count()).toBe(1);
    expect(await pageWidth(v.page)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(v, shot('policies-search'));
  });
});
