import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { login as apiLogin } from '../../server/src/testing/fixtures.js';
import { browserWalk, checkAndShoot, confirmAction, login, type Language, type Visitor } from './harness.js';

/**
 * The platform in a real browser, as its people use it, each with their own account: an applicant
 * registers and proves who she is with a code sent to the phone the registry holds (read, as this is a
 * demonstration, from the security administrator's outbox), sees the engine's answer before filing,
 * applies (and a bad file is refused in words); a clerk, a reviewer and an approver take that
 * application to approval and she reads each step in her messages; the public checks what they can
 * get and reads the list of recipients. Every page is checked and photographed in both languages.
 * The counter, the security administrator and finance walk in counter-and-finance.test.ts.
 */
// A step is a person's visit: several pages, each loaded and checked.
vi.setConfig({ testTimeout: 90_000 });
const walk = browserWalk();
const as = (language: Language, username?: string) => walk.as(language, username);

const APPLICANT_ID = idNumber('2004-03-05', 'female', '510104');
/** Registered, never verified: what such an account sees. */
const UNBOUND = { idNumber: idNumber('1995-04-06', 'male', '510106'), name: '王五', username: 'wangwu' };
let applicationUrl = '';

/**
 * Opens the policy list as a visitor lands on it and sums what that first screen downloads: the
 * page's own files (not the API's answers), each gzipped as a server sends it. Issue 17 wants it
 * under 200 kB for a phone; it was one 672 kB bundle. Printed, and the test fails above the limit.
 */
async function firstScreen(v: Visitor, materials: string) {
  const files: Promise<number>[] = [];
  v.page.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/api/')) files.push(r.body().then((b) => gzipSync(b).length));
  });
  await v.page.goto('/');
  const card = v.page.getByTestId('policy-one-time-job-seeking');
  await expect.poll(() => card.innerText()).toContain(materials);
  const bytes = (await Promise.all(files)).reduce((a, b) => a + b, 0);
  console.log(`first page load (${v.language}): ${files.length} files, ${Math.round(bytes / 1024)} kB gzip`);
  expect(bytes, 'the first screen under 200 kB gzip').toBeLessThan(200 * 1024);
  return card;
}

describe('the public', () => {
  it('reads the policy list with materials, time limit and article', async () => {
    const v = await as('zh-CN');
    const card = await firstScreen(v, '申请材料');
    expect(await card.innerText()).toMatch(/个工作日/);
    expect(await card.innerText()).toMatch(/依据\s*\S+/);
    await checkAndShoot(v, 'public-policies');
  });

  it('reads it in English, the translation fetched with a first screen still under 200 kB', async () => {
    const v = await as('en-US');
    const card = await firstScreen(v, 'Materials');
    expect(await card.innerText()).toMatch(/working days/);
    await checkAndShoot(v, 'public-policies');
  });

  it('on a phone, finds the other public pages behind the menu button', async () => {
    const v = await walk.as('zh-CN', undefined, { width: 390, height: 844 });
    await v.page.goto('/');
    await v.page.getByTestId('policy-one-time-job-seeking').waitFor();
    const menu = v.page.getByTestId('site-menu');
    expect(await menu.isVisible()).toBe(false);
    await v.page.getByRole('button', { name: '菜单' }).click();
    await menu.getByRole('link', { name: '公示名单' }).waitFor();
    await checkAndShoot(v, 'phone-menu');
    await menu.getByRole('link', { name: '公示名单' }).click();
    await v.page.getByTestId('disclosure-cards').waitFor();
    expect(await menu.isVisible(), 'the menu folds again once a page is chosen').toBe(false);
  });

  it('checks what a graduate of a dibao family can get, each answer with its article', async () => {
    const v = await as('zh-CN');
    await v.page.goto('/#/self-check');
    await v.page.getByTestId('self-check-id').fill(idNumber('2003-05-06', 'male', '510104'));
    await v.page.getByLabel('低保家庭成员').check();
    await v.page.locator('#graduationDate').click();
    await v.page.locator('#graduationDate').fill('2027-06-30');
    await v.page.keyboard.press('Enter');
    await v.page.getByTestId('self-check-run').click();
    const result = v.page.getByTestId('self-check-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('一次性求职补贴');
    await result.getByText('一次性求职补贴').first().click();
    await expect.poll(() => v.page.getByTestId('decision-one-time-job-seeking').innerText()).toMatch(/依据：\S+/);
    await checkAndShoot(v, 'public-self-check');
  });

  it('refuses a mistyped ID number in words that name the field', async () => {
    const v = await as('en-US');
    await v.page.goto('/#/self-check');
    await v.page.getByTestId('self-check-id').fill('510104200301010000');
    await v.page.getByTestId('self-check-run').click();
    // Said under the field it is about, by the field's name, not its path; and said once.
    const underField = v.page.locator('.ant-form-item', { has: v.page.getByTestId('self-check-id') });
    await expect
      .poll(() => underField.locator('.ant-form-item-explain-error').innerText())
      .toMatch(/ID number has a wrong check digit/);
    expect(await underField.innerText()).not.toContain('idNumber');
    expect(await v.page.getByTestId('error').count()).toBe(0);
    await checkAndShoot(v, 'public-self-check-error');
  });

  it('reads the list of recipients with names and ID numbers partly hidden', async () => {
    const v = await as('zh-CN');
    await v.page.goto('/#/gongshi');
    const table = v.page.getByTestId('disclosure-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    const text = await table.innerText();
    expect(text).toMatch(/\d{4}\*+\d{2,4}/);
    // Above it, the year's use of the funds by subsidy (181号 第二十八条): counts and 元, no names.
    const summary = v.page.getByTestId('disclosure-summary');
    await expect.poll(() => summary.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await summary.innerText()).toMatch(/补贴资金使用情况[\s\S]*[\d,]+元/);
    // And the city's employment targets for the year beside what its registrations show was done.
    const targets = v.page.getByTestId('disclosure-targets').locator('tbody tr.ant-table-row');
    await expect.poll(() => targets.count()).toBe(3);
    expect(await targets.first().innerText()).toMatch(/城镇新增就业\s+20 人\s+\d+ 人\s+[\d.]+%/);
    await checkAndShoot(v, 'public-disclosure');
  });

  it('looks through the training catalogues', async () => {
    const v = await as('zh-CN');
    await v.page.goto('/#/training');
    await v.page.getByText('培训需求指导目录').waitFor();
    await checkAndShoot(v, 'public-training');
  });
});

describe('an application from the applicant to approval, each step by its own account', () => {
  it('the applicant registers, proves who she is with a code to the phone on record, applies, has a bad file refused, hands in a good one and submits', async () => {
    // The registry knows her already, with her phone: the clerk recorded her.
    const clerk = await apiLogin(walk.platform.app, 'clerk', DEMO_PASSWORD);
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: APPLICANT_ID,
      name: '李小红',
      regionCode: '510104',
      phone: '13912345678',
    });
    expect(created.statusCode).toBe(201);
    const personId = created.json<{ id: string }>().id;

    const v = await as('zh-CN');
    await v.page.goto('/#/register');
    // A unit's form asks for the unit's name, and says so when it is missing.
    await v.page.getByLabel('单位', { exact: true }).check();
    await v.page.getByTestId('register-submit').click();
    await v.page.getByText('请填写单位名称').waitFor();
    await v.page.getByLabel('个人', { exact: true }).check();
    await v.page.getByLabel('身份证号码').fill(APPLICANT_ID);
    await v.page.getByLabel('姓名').fill('李小红');
    await v.page.getByLabel('用户名').fill('lixiaohong');
    await v.page.getByLabel('密码', { exact: true }).fill('Xiaohong-2026!');
    await v.page.getByTestId('register-submit').click();
    await v.page.getByTestId('who').waitFor();
    // Registering ties the account to nothing: she lands on 实名核验 and may open nothing else yet.
    await v.page.getByTestId('identity-methods').waitFor();
    expect(await v.page.getByTestId('site-menu').innerText()).not.toContain('我的申请');
    await checkAndShoot(v, 'applicant-identity-unbound');
    // A page of her own opened by its address says what comes first and leads there, not a dead end.
    await v.page.goto('/#/my/applications');
    await v.page.getByTestId('bind-first').click();
    await v.page.getByTestId('identity-methods').waitFor();
    await v.page.getByTestId('sms-send').click();
    await expect
      .poll(() => v.page.getByTestId('sms-sent').innerText())
      .toContain('如果您填写的身份信息与登记一致且预留了手机号码');

    // No SMS gateway here: the security administrator reads the text in the demonstration outbox.
    const security = await as('zh-CN', 'security');
    expect(await security.page.getByTestId('outbox-demonstration').innerText()).toContain(
      '演示环境：以下短信并未真正发出',
    );
    const outbox = security.page.getByTestId('outbox-table');
    await expect.poll(() => outbox.innerText()).toMatch(/验证码 \d{6}/);
    expect(await outbox.innerText()).toContain('139****5678');
    await checkAndShoot(security, 'security-sms-outbox');
    const code = /验证码 (\d{6})/.exec(await outbox.innerText())?.[1] ?? '';

    await v.page.getByTestId('sms-code').fill(code);
    await v.page.getByTestId('sms-bind').click();
    const bound = v.page.getByTestId('identity-bound');
    await expect.poll(() => bound.innerText()).toContain('短信验证码');
    expect(await bound.innerText()).toContain('李小红');
    await expect.poll(() => v.page.getByTestId('site-menu').innerText()).toContain('我的申请');
    await checkAndShoot(v, 'applicant-identity-bound');
    await v.page.getByTestId('identity-to-applications').click();
    await v.page.getByTestId('new-application').waitFor();
    await checkAndShoot(v, 'applicant-my-applications-empty');

    // What the registry knows of her, recorded by the clerk: a dibao family, graduating in 2027.
    expect(
      (
        await clerk.request('POST', `/api/v1/people/${personId}/facts`, {
          kind: 'status',
          data: { kind: 'dibao-household', from: '2020-01-01' },
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await clerk.request('POST', `/api/v1/people/${personId}/facts`, {
          kind: 'graduation',
          data: { date: '2027-06-30', institution: 'university' },
        })
      ).statusCode,
    ).toBe(201);

    await v.page.goto('/');
    // What units apply for is not offered to her: who applies is said in the link's place, and its
    // address, opened anyway, says why instead of showing a code in a box she cannot use.
    const unitsOnly = v.page.getByTestId('policy-enterprise-staff-training');
    await expect.poll(() => unitsOnly.innerText()).toContain('由用人单位申请');
    expect(await unitsOnly.getByRole('link', { name: '在线申请' }).count()).toBe(0);
    await v.page.goto('/#/my/apply/enterprise-staff-training');
    await expect.poll(() => v.page.getByTestId('apply-not-open').innerText()).toContain('个人账号不能申请');
    expect(await v.page.getByTestId('apply-subsidy').innerText()).not.toContain('enterprise-staff-training');
    await v.page.goto('/');
    await v.page.getByTestId('policy-one-time-job-seeking').getByRole('link', { name: '在线申请' }).click();
    // Before anything is filed, the engine's answer on what the registry holds: 1,500元.
    await v.page.getByTestId('apply-preview').getByTestId('decision-one-time-job-seeking').waitFor();
    expect(await v.page.getByTestId('apply-preview').innerText()).toContain('1,500');
    await checkAndShoot(v, 'applicant-apply-preview');
    await v.page.getByTestId('apply-save').click();
    await v.page.getByTestId('evidence').waitFor();
    applicationUrl = v.page.url();
    await checkAndShoot(v, 'applicant-draft');

    // A program renamed to look like a scan: refused, named, and nothing kept.
    let chooser = v.page.waitForEvent('filechooser');
    await v.page.getByTestId('evidence-upload-0').click();
    await (
      await chooser
    ).setFiles({
      name: '身份证.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00not a scan', 'latin1'),
    });
    // Said under the material it was for.
    const error = v.page.getByTestId('evidence-error-0');
    await expect.poll(() => error.innerText()).toContain('文件「身份证.pdf」不是 PDF、JPG 或 PNG');
    expect(await v.page.getByTestId('evidence').innerText()).toContain('尚未上传');
    await checkAndShoot(v, 'applicant-bad-upload');

    chooser = v.page.waitForEvent('filechooser');
    await v.page.getByTestId('evidence-upload-0').click();
    await (
      await chooser
    ).setFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => v.page.getByTestId('evidence').innerText()).toContain('身份证.pdf');

    // One file of the materials: before filing she is told which are still missing, and cannot file
    // without them — 锦江区 has no document allowing 容缺受理 (decision 026).
    await v.page.getByTestId('action-submit').click();
    const check = v.page.getByTestId('submission-check');
    await expect.poll(() => check.innerText()).toContain('材料不全，暂不能提交');
    expect(await check.innerText()).toContain('学校出具的在校公示结果');
    expect(await check.innerText()).not.toContain('身份证件');
    await checkAndShoot(v, 'applicant-submission-check');
    await v.page.keyboard.press('Escape');
    await check.waitFor({ state: 'hidden' });
    chooser = v.page.waitForEvent('filechooser');
    await v.page.getByTestId('evidence-upload-2').click();
    await (
      await chooser
    ).setFiles({ name: '公示结果.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => v.page.getByTestId('evidence').innerText()).toContain('公示结果.pdf');
    // Complete and eligible: filed at once.
    await v.page.getByTestId('action-submit').click();
    await expect.poll(() => v.page.locator('[data-state]').first().getAttribute('data-state')).toBe('submitted');
    const decision = await v.page.getByTestId('decision').innerText();
    expect(decision).toContain('符合条件');
    expect(decision).toMatch(/依据：\S+/);
    await checkAndShoot(v, 'applicant-submitted');

    await v.page.goto('/#/my/applications');
    await expect.poll(() => v.page.locator('tbody').innerText()).toContain('待受理');
    await checkAndShoot(v, 'applicant-my-applications');
  });

  it('the clerk returns it for correction; she cannot send it back unchanged without saying what she did', async () => {
    const clerk = await as('zh-CN', 'clerk');
    await clerk.page.goto(applicationUrl.replace(/^.*#/, '/#'));
    await clerk.page.getByTestId('action-return').click();
    await clerk.page.getByTestId('action-reason').fill('在校公示结果需加盖学校公章，请到窗口出示原件。');
    await confirmAction(clerk.page);
    await expect.poll(() => clerk.page.locator('[data-state]').first().getAttribute('data-state')).toBe('returned');

    const v = await as('zh-CN');
    await login(v, 'lixiaohong', 'Xiaohong-2026!');
    await v.page.goto(applicationUrl.replace(/^.*#/, '/#'));
    await expect.poll(() => v.page.getByTestId('correction-request').innerText()).toContain('加盖学校公章');
    await v.page.getByTestId('action-resubmit').click();
    await v.page.getByTestId('correction-needed').waitFor();
    expect(await v.page.locator('#action-confirm').isDisabled()).toBe(true);
    await v.page.getByTestId('action-reason').fill('已于今日到窗口出示加盖公章的原件');
    await checkAndShoot(v, 'applicant-resubmit-note');
    await confirmAction(v.page);
    await expect.poll(() => v.page.locator('[data-state]').first().getAttribute('data-state')).toBe('submitted');
    expect(await v.page.locator('body').innerText()).toContain('补正说明：已于今日到窗口出示加盖公章的原件');
    // The message asking for the correction was read when she opened the application.
    await v.page.goto('/#/my/messages');
    const asked = v.page.getByTestId('message-returned').first();
    await asked.waitFor();
    expect(await asked.getByRole('button', { name: '标为已读' }).count()).toBe(0);
  });

  it('the clerk finds it in the queue and accepts it (受理)', async () => {
    const v = await as('zh-CN', 'clerk');
    await v.page.getByTestId('queue-submitted').click();
    await checkAndShoot(v, 'clerk-workbench');
    await v.page.goto(applicationUrl.replace(/^.*#/, '/#'));
    // Back from 补正: what was asked and what she did, before anything else.
    const back = await v.page.getByTestId('resubmitted').innerText();
    expect(back).toContain('加盖学校公章');
    expect(back).toContain('已于今日到窗口出示加盖公章的原件');
    await v.page.getByTestId('action-accept').click();
    await expect.poll(() => v.page.locator('[data-state]').first().getAttribute('data-state')).toBe('accepted');
    await checkAndShoot(v, 'clerk-application-accepted');
    await v.page.getByText('打印受理通知书').click();
    await expect.poll(() => v.page.getByTestId('notice').innerText()).toContain('决定予以受理');
    await checkAndShoot(v, 'clerk-notice-acceptance');
  });

  it('the reviewer passes it (审核) and the approver approves it (复核)', async () => {
    const reviewer = await as('zh-CN', 'reviewer');
    await reviewer.page.goto(applicationUrl.replace(/^.*#/, '/#'));
    await reviewer.page.getByTestId('action-review').click();
    await reviewer.page.getByTestId('action-reason').fill('材料齐全，身份信息与人员库一致');
    await confirmAction(reviewer.page);
    await expect.poll(() => reviewer.page.locator('[data-state]').first().getAttribute('data-state')).toBe('reviewed');
    await checkAndShoot(reviewer, 'reviewer-application');

    const approver = await as('zh-CN', 'approver');
    await approver.page.goto(applicationUrl.replace(/^.*#/, '/#'));
    await approver.page.getByTestId('action-approve').click();
    await confirmAction(approver.page);
    await expect.poll(() => approver.page.locator('[data-state]').first().getAttribute('data-state')).toBe('approved');
    expect(await approver.page.locator('body').innerText()).toMatch(/1,500元/);
    await checkAndShoot(approver, 'approver-application');
  });

  it('the applicant sees the result', async () => {
    const v = await as('zh-CN');
    await login(v, 'lixiaohong', 'Xiaohong-2026!');
    await v.page.goto(applicationUrl.replace(/^.*#/, '/#'));
    await expect.poll(() => v.page.locator('[data-state]').first().getAttribute('data-state')).toBe('approved');
    const history = await v.page.locator('body').innerText();
    expect(history).toContain('复核通过');
    expect(history).toContain('材料齐全，身份信息与人员库一致');
    await checkAndShoot(v, 'applicant-approved');
    // Each step she waited on is a message in her list, with the amount in 元.
    await v.page.goto('/#/my/messages');
    await v.page.getByTestId('message-approved').first().waitFor();
    expect(await v.page.getByTestId('message-approved').first().innerText()).toContain('1,500元');
    await v.page.getByTestId('message-accepted').first().waitFor();
  });
});

describe('a refused login', () => {
  it('is not left in the language it was said in after a switch', async () => {
    const v = await as('zh-CN');
    await v.page.goto('/#/login');
    await v.page.locator('#login-username').fill('nobody-of-this-name');
    await v.page.locator('#login-password').fill('not-the-password');
    await v.page.getByTestId('login-submit').click();
    await expect.poll(() => v.page.getByRole('alert').innerText()).toContain('用户名或密码错误');
    await v.page.getByTestId('language').getByText('English').click();
    await expect.poll(() => v.page.getByTestId('login-submit').innerText()).toMatch(/log\s?in/i);
    expect(await v.page.getByRole('alert').count()).toBe(0);
  });
});

describe('registering with a mistyped ID number and no user name', () => {
  it('is told both at once, before anything is sent', async () => {
    const v = await as('zh-CN');
    await v.page.goto('/#/register');
    // 11010119900307123X: the check character of these 17 digits is 3, not X.
    await v.page.locator('#idNumber').fill('11010119900307123X');
    await v.page.locator('#name').fill('王小明');
    await v.page.getByTestId('register-submit').click();
    await expect
      .poll(() => v.page.locator('.ant-form').innerText())
      .toMatch(/身份证号码校验码错误[\s\S]*请填写用户名[\s\S]*请填写密码/);
  });
});

describe('every main page, in both languages', () => {
  beforeAll(async () => {
    const res = await walk.platform.app.http.inject({
      method: 'POST',
      url: '/api/v1/register',
      payload: { kind: 'person', ...UNBOUND, regionCode: '510106', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
  });
  const pages: [string, string | undefined, string, string][] = [
    // [name, account, path, a text the page must show once loaded (by test id)]
    ['public-policies', undefined, '/', 'policy-one-time-job-seeking'],
    ['public-self-check', undefined, '/self-check', 'self-check-run'],
    ['public-disclosure', undefined, '/gongshi', 'disclosure-table'],
    ['login', undefined, '/login', 'login-submit'],
    ['clerk-workbench', 'clerk', '/work', 'queue-submitted'],
    ['clerk-registry', 'clerk', '/registry', ''],
    ['clerk-training-catalogues', 'clerk', '/training/catalogues', 'add-item'],
    ['clerk-training-classes', 'clerk', '/training/classes', 'open-class'],
    ['applicant-identity-unbound', UNBOUND.username, '/identity', 'identity-methods'],
    ['counter-activation', 'counter', '/registry/activation', 'activation-form'],
    ['security-sms-outbox', 'security', '/security/outbox', 'outbox-table'],
    ['security-role-exceptions', 'security', '/security/role-exceptions', 'role-exceptions-table'],
    ['school-training-classes', 'peixun', '/training/classes', 'open-class'],
    ['finance-payments', 'finance', '/finance/payments', 'create-batches'],
    ['finance-funds', 'finance', '/finance/funds', ''],
    ['finance-allocation', 'finance', '/finance/allocation', ''],
    ['supervisor-dashboard', 'supervisor', '/supervision/dashboard', 'chart-month'],
    ['supervisor-sweeps', 'supervisor', '/supervision/sweeps', ''],
    ['auditor-audit', 'auditor', '/supervision/audit', ''],
  ];
  for (const language of ['en-US', 'zh-CN'] as const) {
    it(`shows each in ${language} with every text translated`, async () => {
      const visitors = new Map<string, Visitor>();
      for (const [name, account, path, ready] of pages) {
        const key = account ?? '';
        let v = visitors.get(key);
        if (!v) {
          v = await as(language, account);
          visitors.set(key, v);
        }
        await v.page.goto(`/#${path}`);
        if (ready) await v.page.getByTestId(ready).first().waitFor();
        await checkAndShoot(v, name);
      }
      const applicant = await as(language);
      await login(applicant, 'lixiaohong', 'Xiaohong-2026!');
      await applicant.page.goto(applicationUrl.replace(/^.*#/, '/#'));
      await applicant.page.getByTestId('decision').waitFor();
      await checkAndShoot(applicant, 'applicant-application');
      await applicant.page.goto('/#/my/messages');
      await applicant.page.getByTestId('message-approved').first().waitFor();
      await checkAndShoot(applicant, 'applicant-messages');
      const phone = await walk.as(language, undefined, { width: 390, height: 844 });
      await phone.page.goto('/#/gongshi');
      await phone.page.getByTestId('disclosure-cards').locator('.ant-card').first().waitFor();
      await checkAndShoot(phone, 'phone-disclosure');
      // Twenty-odd pages, each loaded and photographed: minutes on a busy machine.
    }, 360_000);
  }
});
