import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { login as apiLogin } from '../../server/src/testing/fixtures.js';
import { checkAndShoot, confirmAction, login, SCREENSHOTS, startPlatform, visitor, type Platform, type Visitor } from './harness.js';

/**
 * The platform in a real browser, as its people use it, each with their own account: an applicant
 * registers and proves who she is with a code sent to the phone the registry holds (read, as this is a
 * demonstration, from the security administrator's outbox), then applies (and a bad file is refused
 * in words); a counter clerk issues an activation code to someone who brings their ID card; a
 * security administrator declares a role exception; a clerk, a reviewer and an approver take that
 * application to approval, finance pays a batch and reconciles it, and the public checks what they
 * can get and reads the list of recipients. Every page is checked and photographed in both languages.
 */
// A step is a person's visit: several pages, each loaded and checked.
vi.setConfig({ testTimeout: 90_000 });
let platform: Platform;
const open: Visitor[] = [];
async function as(language: 'zh-CN' | 'en-US', username?: string): Promise<Visitor> {
  const v = await visitor(platform, language);
  open.push(v);
  if (username) await login(v, username, DEMO_PASSWORD);
  return v;
}

beforeAll(async () => {
  platform = await startPlatform();
}, 180_000);
beforeEach(() => {
  // A failed step leaves a picture of where each open page stood.
  onTestFailed(async () => {
    for (const [i, v] of open.entries()) await v.page.screenshot({ path: `${SCREENSHOTS}/failed-${i}.png`, fullPage: true }).catch(() => undefined);
  });
});
afterAll(async () => {
  for (const v of open) await v.context.close();
  await platform?.close();
});

const APPLICANT_ID = idNumber('2004-03-05', 'female', '510104');
/** Someone new to the registry, who comes to the counter with their ID card. */
const COUNTER_ID = idNumber('1988-09-10', 'male', '510105');
/** Registered, never verified: what such an account sees. */
const UNBOUND = { idNumber: idNumber('1995-04-06', 'male', '510106'), name: '王五', username: 'wangwu' };
let applicationUrl = '';

async function choose(v: Visitor, selectId: string, option: string): Promise<void> {
  await v.page.locator(`#${selectId}`).click();
  await v.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  // The list closes before the next one opens, so an option is never picked from the wrong list.
  await expect.poll(() => v.page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

describe('the public', () => {
  it('reads the policy list with materials, time limit and article', async () => {
    const v = await as('zh-CN');
    // What the first screen downloads, gzipped as a server would send it: printed, not asserted on.
    const scripts: Promise<number>[] = [];
    v.page.on('response', (r) => {
      if (/\.(js|css)$/.test(new URL(r.url()).pathname)) scripts.push(r.body().then((b) => gzipSync(b).length));
    });
    await v.page.goto('/');
    const card = v.page.getByTestId('policy-one-time-job-seeking');
    await expect.poll(() => card.innerText()).toContain('申请材料');
    const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    console.log(`first page load: ${scripts.length} scripts and styles, ${Math.round(bytes / 1024)} kB gzip`);
    expect(await card.innerText()).toMatch(/个工作日/);
    expect(await card.innerText()).toMatch(/依据\s*\S+/);
    await checkAndShoot(v, 'public-policies');
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
    await expect.poll(() => v.page.getByTestId('decision-one-time-job-seeking').innerText()).toMatch(/依据: \S+/);
    await checkAndShoot(v, 'public-self-check');
  });

  it('refuses a mistyped ID number in words that name the field', async () => {
    const v = await as('en-US');
    await v.page.goto('/#/self-check');
    await v.page.getByTestId('self-check-id').fill('510104200301010000');
    await v.page.getByTestId('self-check-run').click();
    await expect.poll(() => v.page.getByTestId('error').innerText()).toMatch(/idNumber|ID number/);
    await checkAndShoot(v, 'public-self-check-error');
  });

  it('reads the list of recipients with names and ID numbers partly hidden', async () => {
    const v = await as('zh-CN');
    await v.page.goto('/#/gongshi');
    const table = v.page.getByTestId('disclosure-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    const text = await table.innerText();
    expect(text).toMatch(/\d{4}\*+\d{2,4}/);
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
    const clerk = await apiLogin(platform.app, 'clerk', DEMO_PASSWORD);
    const created = await clerk.request('POST', '/api/v1/people', { idNumber: APPLICANT_ID, name: '李小红', regionCode: '510104', phone: '13912345678' });
    expect(created.statusCode).toBe(201);
    const personId = created.json<{ id: string }>().id;

    const v = await as('zh-CN');
    await v.page.goto('/#/register');
    await v.page.getByLabel('身份证号码').fill(APPLICANT_ID);
    await v.page.getByLabel('姓名').fill('李小红');
    await v.page.getByLabel('用户名').fill('lixiaohong');
    await v.page.getByLabel('密码', { exact: true }).fill('Xiaohong-2026!');
    await v.page.getByTestId('register-submit').click();
    await v.page.getByTestId('who').waitFor();
    // Registering ties the account to nothing: she lands on 实名核验 and may open nothing else yet.
    await v.page.getByTestId('identity-methods').waitFor();
    expect(await v.page.locator('.ant-menu').innerText()).not.toContain('我的申请');
    await checkAndShoot(v, 'applicant-identity-unbound');
    await v.page.getByTestId('sms-send').click();
    await expect.poll(() => v.page.getByTestId('sms-sent').innerText()).toContain('如果您填写的身份信息与登记一致且预留了手机号码');

    // No SMS gateway here: the security administrator reads the text in the demonstration outbox.
    const security = await as('zh-CN', 'security');
    expect(await security.page.getByTestId('outbox-demonstration').innerText()).toContain('演示环境：以下短信并未真正发出');
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
    await expect.poll(() => v.page.locator('.ant-menu').innerText()).toContain('我的申请');
    await checkAndShoot(v, 'applicant-identity-bound');
    await v.page.getByTestId('identity-to-applications').click();
    await v.page.getByTestId('new-application').waitFor();
    await checkAndShoot(v, 'applicant-my-applications-empty');

    // What the registry knows of her, recorded by the clerk: a dibao family, graduating in 2027.
    expect((await clerk.request('POST', `/api/v1/people/${personId}/facts`, { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } })).statusCode).toBe(201);
    expect((await clerk.request('POST', `/api/v1/people/${personId}/facts`, { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } })).statusCode).toBe(201);

    await v.page.goto('/');
    await v.page.getByTestId('policy-one-time-job-seeking').getByRole('button', { name: '在线申请' }).click();
    // Before anything is filed, the engine's answer on what the registry holds: 1,500 元.
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
    await (await chooser).setFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00not a scan', 'latin1') });
    const error = v.page.getByTestId('error');
    await expect.poll(() => error.innerText()).toContain('文件「身份证.pdf」不是 PDF、JPG 或 PNG');
    expect(await v.page.getByTestId('evidence').innerText()).toContain('尚未上传');
    await checkAndShoot(v, 'applicant-bad-upload');

    chooser = v.page.waitForEvent('filechooser');
    await v.page.getByTestId('evidence-upload-0').click();
    await (await chooser).setFiles({ name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await expect.poll(() => v.page.getByTestId('evidence').innerText()).toContain('身份证.pdf');

    await v.page.getByTestId('action-submit').click();
    await expect.poll(() => v.page.locator('[data-state]').first().getAttribute('data-state')).toBe('submitted');
    const decision = await v.page.getByTestId('decision').innerText();
    expect(decision).toContain('符合条件');
    expect(decision).toMatch(/依据: \S+/);
    await checkAndShoot(v, 'applicant-submitted');

    await v.page.goto('/#/my/applications');
    await expect.poll(() => v.page.locator('tbody').innerText()).toContain('待受理');
    await checkAndShoot(v, 'applicant-my-applications');
  });

  it('the clerk finds it in the queue and accepts it (受理)', async () => {
    const v = await as('zh-CN', 'clerk');
    await v.page.getByTestId('queue-submitted').click();
    await checkAndShoot(v, 'clerk-workbench');
    await v.page.goto(applicationUrl.replace(/^.*#/, '/#'));
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
    expect(await approver.page.locator('body').innerText()).toMatch(/1,500 元/);
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

describe('identity at the counter, and the security administrator', () => {
  it('a counter clerk who has seen the ID card issues an activation code, and the new applicant verifies with it', async () => {
    const counter = await as('zh-CN', 'counter');
    await counter.page.goto('/#/registry/activation');
    await counter.page.getByLabel('身份证号码').fill(COUNTER_ID);
    await counter.page.getByLabel('姓名').fill('赵小川');
    await counter.page.getByTestId('activation-issue').click();
    const result = counter.page.getByTestId('activation-result');
    await expect.poll(() => counter.page.getByTestId('activation-code').innerText()).toMatch(/[A-Z0-9]{5}-[A-Z0-9]{5}/);
    expect(await result.innerText()).toContain('在「实名核验」页面输入');
    await checkAndShoot(counter, 'counter-activation-code');
    const code = /[A-Z0-9]{5}-[A-Z0-9]{5}/.exec(await counter.page.getByTestId('activation-code').innerText())?.[0] ?? '';

    // He reads the site in English: the same binding in the other language.
    const v = await as('en-US');
    await v.page.goto('/#/register');
    await v.page.getByLabel('ID number').fill(COUNTER_ID);
    await v.page.getByLabel('Name', { exact: true }).fill('赵小川');
    await v.page.getByLabel('Username').fill('zhaoxiaochuan');
    await v.page.getByLabel('Password', { exact: true }).fill('Xiaochuan-2026!');
    await v.page.getByTestId('register-submit').click();
    await v.page.getByTestId('counter-code').waitFor();
    await checkAndShoot(v, 'applicant-identity-counter');
    await v.page.getByTestId('counter-code').fill(code);
    await v.page.getByTestId('counter-bind').click();
    await expect.poll(() => v.page.getByTestId('identity-bound').innerText()).toContain('Counter activation code');
    await checkAndShoot(v, 'applicant-identity-bound');
  });

  it('the security administrator declares that a district’s clerk may also review', async () => {
    const v = await as('zh-CN', 'security');
    await v.page.goto('/#/security/role-exceptions');
    await choose(v, 'roleA', '受理员');
    await choose(v, 'roleB', '审核员');
    await v.page.locator('#reason').fill('经办人员不足，经局务会研究同意受理员兼任审核员');
    await v.page.getByTestId('role-exception-declare').click();
    const table = v.page.getByTestId('role-exceptions-table');
    await expect.poll(() => table.innerText()).toContain('经局务会研究同意');
    expect(await table.innerText()).toMatch(/受理员[\s\S]*审核员/);
    await checkAndShoot(v, 'security-role-exceptions');
  });
});

describe('finance', () => {
  it('pays a batch: creates it, hands the bank its file and reconciles the bank’s return file', async () => {
    const v = await as('zh-CN', 'finance');
    await v.page.goto('/#/finance/payments');
    await v.page.getByTestId('create-batches').click();
    const firstRow = v.page.locator('tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.innerText()).toContain('待导出');
    const number = (await firstRow.locator('td').first().innerText()).trim();
    await checkAndShoot(v, 'finance-batches');

    const downloading = v.page.waitForEvent('download');
    await v.page.getByTestId(`bank-file-${number}`).click();
    const file = readFileSync((await (await downloading).path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    const rows = file.trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    // The bank pays every row but the last, which it sends back with its reason.
    const returned = rows.map((r, i) => [r[0], r[1], r[2], r[3], i === rows.length - 1 && rows.length > 1 ? '失败' : '成功', i === rows.length - 1 && rows.length > 1 ? '账户已销户' : '', `BK${r[0] ?? ''}`].join(','));
    const returnFile = Buffer.from(['序号,账号,户名,金额,处理结果,失败原因,银行流水号', ...returned].join('\r\n'), 'utf8');

    await expect.poll(() => v.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已导出');
    const chooser = v.page.waitForEvent('filechooser');
    await v.page.getByTestId(`return-file-${number}`).click();
    await (await chooser).setFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: returnFile });
    const report = v.page.getByTestId('reconciliation');
    await expect.poll(() => report.innerText()).toContain(`${rows.length > 1 ? rows.length - 1 : 1}`);
    await checkAndShoot(v, 'finance-reconciliation');
    await v.page.keyboard.press('Escape');
    await expect.poll(() => v.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已对账');
  });
});

describe('every main page, in both languages', () => {
  beforeAll(async () => {
    const res = await platform.app.http.inject({ method: 'POST', url: '/api/v1/register', payload: { kind: 'person', ...UNBOUND, regionCode: '510106', password: DEMO_PASSWORD } });
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
      const phone = await visitor(platform, language, { width: 390, height: 844 });
      open.push(phone);
      await phone.page.goto('/#/gongshi');
      await phone.page.getByTestId('disclosure-table').waitFor();
      await checkAndShoot(phone, 'phone-disclosure');
      // Twenty-odd pages, each loaded and photographed: minutes on a busy machine.
    }, 360_000);
  }
});
