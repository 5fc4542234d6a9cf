import { addDays } from '@huimin/policy';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { DEMO_SCHOOL } from '../../server/src/demo/demo-training.js';
import { expectOk, login as apiLogin, TestClock } from '../../server/src/testing/fixtures.js';
import { workbook } from '../../server/src/testing/sheets.js';
import {
  checkAndShoot,
  chooseOption,
  confirmAction,
  login,
  SCREENSHOTS,
  startPlatform,
  visitor,
  type Platform,
  type Visitor,
} from './harness.js';

/**
 * A training class from opening to paid subsidy in a real browser (两目录一系统, 人社部发〔2024〕5号),
 * each step by its own account: the school applies to open a class with a roster sheet (a wrong
 * name refused, row named), the district clerk approves, the school records check-ins, the clerk
 * inspects; days pass; the school records the results, the city clerk reviews the completion
 * (certificates issued) and files the trainees' claims; they are accepted, reviewed, approved and
 * paid through a bank batch; and the public verifies a certificate.
 */
vi.setConfig({ testTimeout: 120_000 });
const clock = TestClock.at(new Date().toISOString());
const today = clock.today();
const startsOn = addDays(today, 1);
const endsOn = addDays(today, 3);
let platform: Platform;
const open: Visitor[] = [];
async function as(username?: string, password = DEMO_PASSWORD): Promise<Visitor> {
  const v = await visitor(platform, 'zh-CN');
  open.push(v);
  if (username) await login(v, username, password);
  return v;
}

const TRAINEES = [
  { name: '培训甲', idNumber: idNumber('1994-02-03', 'female', '510104') },
  { name: '培训乙', idNumber: idNumber('1992-07-08', 'male', '510104') },
  { name: '培训丙', idNumber: idNumber('1990-11-12', 'female', '510104') },
];

beforeAll(async () => {
  platform = await startPlatform({ clock });
  // The registry already knows the trainees (registered unemployed, with social-security card accounts).
  const clerk = await apiLogin(platform.app, 'clerk', DEMO_PASSWORD);
  for (const [i, t] of TRAINEES.entries()) {
    const res = await clerk.request('POST', '/api/v1/people', {
      idNumber: t.idNumber,
      name: t.name,
      regionCode: '510104',
      facts: [{ kind: 'status', data: { kind: 'registered-unemployed', from: '2025-01-01' } }],
    });
    expectOk(res, 201);
    expectOk(
      await clerk.request('PUT', `/api/v1/people/${res.json<{ id: string }>().id}/bank-account`, {
        accountNumber: `62170088000000000${i}`,
        bankName: '中国建设银行',
      }),
    );
  }
}, 180_000);
beforeEach(() => {
  onTestFailed(async () => {
    for (const [i, v] of open.entries())
      await v.page
        .screenshot({ path: `${SCREENSHOTS}/training-failed-${i}.png`, fullPage: true })
        .catch(() => undefined);
  });
});
afterAll(async () => {
  for (const v of open) await v.context.close();
  await platform?.close();
});

let classUrl = '';
const claimUrls: string[] = [];

async function pickDate(v: Visitor, inputId: string, date: string): Promise<void> {
  await v.page.locator(`#${inputId}`).click();
  await v.page.locator(`#${inputId}`).fill(date);
  await v.page.locator(`#${inputId}`).press('Enter');
}
const state = (v: Visitor) => v.page.locator('h3 .ant-tag').innerText();

describe('a class from opening to paid subsidy, in the browser', () => {
  it('the school applies to open a class; its roster sheet is checked by real name first', async () => {
    const v = await as(DEMO_SCHOOL.username);
    // A unit whose institution is in the catalogue finds its classes in the menu.
    await expect.poll(() => v.page.getByTestId('site-menu').innerText()).toContain('培训班');
    await v.page.goto('/#/training/classes');
    await v.page.getByTestId('open-class').click();
    await chooseOption(v, 'institutionId', DEMO_SCHOOL.name);
    await chooseOption(v, 'demandItemId', '育婴员');
    await pickDate(v, 'startsOn', startsOn);
    await pickDate(v, 'endsOn', endsOn);
    await v.page.locator('#sessions').fill('2');
    await v.page.locator('#teachingPlan').fill('育婴员五级：生活照料、保健护理、早期发展，共2次课');
    await v.page.getByTestId('teacher-name-0').fill('周老师');
    await v.page.getByTestId('teacher-qualification-0').fill('育婴员一级/高级技师');
    await v.page.locator('#assessmentPlan').fill('理论与实操考核，60分及格');

    // A name that differs from the registry's: the whole sheet is refused, the row named.
    const header = ['姓名 (name)', '身份证号码 (idNumber)'];
    const wrong = await workbook(
      header,
      TRAINEES.map((t, i) => [i === 1 ? '培训己' : t.name, t.idNumber]),
    );
    await v.page
      .locator('input[type=file]')
      .setInputFiles({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: wrong });
    await expect.poll(() => v.page.getByTestId('error').innerText()).toMatch(/第 3 行[\s\S]*姓名/);
    await checkAndShoot(v, 'training-roster-refused');

    const good = await workbook(
      header,
      TRAINEES.map((t) => [t.name, t.idNumber]),
    );
    await v.page
      .locator('input[type=file]')
      .setInputFiles({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: good });
    await expect.poll(() => v.page.locator('body').innerText()).toContain('名册核验通过：3 人');
    await checkAndShoot(v, 'training-open-class');
    await v.page.getByTestId('class-submit').click();
    await expect.poll(() => state(v)).toBe('待审批');
    classUrl = v.page.url().replace(/^.*#/, '/#');
    await checkAndShoot(v, 'training-class-applied');
  });

  it('the district clerk approves the opening; the school records check-ins; the clerk inspects', async () => {
    const clerk = await as('clerk');
    await clerk.page.goto('/#/training/classes');
    await expect.poll(() => clerk.page.locator('tbody').innerText()).toContain('待审批');
    await checkAndShoot(clerk, 'training-classes-clerk');
    // The institution catalogue, a staff ProTable: the school is found by its name.
    await clerk.page.goto('/#/training/catalogues');
    await clerk.page.getByRole('tab', { name: '培训机构目录' }).click();
    await clerk.page.getByTestId('institution-find').locator('input').fill(DEMO_SCHOOL.name);
    await clerk.page.getByTestId('institution-find').locator('input').press('Enter');
    const institutions = clerk.page.getByTestId('institutions-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => institutions.count()).toBe(1);
    expect(await institutions.first().innerText()).toContain(DEMO_SCHOOL.name);
    await checkAndShoot(clerk, 'training-institutions-clerk');
    await clerk.page.goto(classUrl);
    await clerk.page.getByTestId('class-approve').click();
    await expect.poll(() => clerk.page.locator('.ant-popconfirm:visible').innerText()).toContain('批准后不能撤回');
    await confirmAction(clerk.page);
    await expect.poll(() => clerk.page.locator('.ant-message').innerText()).toContain('开班');
    // Approved the day before it starts: waiting, with its first day, and no check-in offered yet.
    await expect.poll(() => state(clerk)).toBe(`待开班（${startsOn} 开班）`);
    const early = await as(DEMO_SCHOOL.username);
    await early.page.goto(classUrl);
    await expect.poll(() => state(early)).toBe(`待开班（${startsOn} 开班）`);
    expect(await early.page.getByTestId('attendance-record').count()).toBe(0);

    // Two sessions over three days: the first is held on the first day, the second the day after
    // (check-ins are taken as the class runs, never ahead of it).
    let school = early;
    for (let session = 1; session <= 2; session++) {
      clock.setDate(addDays(startsOn, session - 1));
      school = await as(DEMO_SCHOOL.username);
      await school.page.goto(classUrl);
      // Nobody is ticked to start with: each check-in is a choice. One trainee is away for the first.
      await school.page.getByTestId('attendance-all').waitFor();
      expect(await school.page.locator('.ant-checkbox-wrapper-checked').count()).toBe(0);
      if (session === 1) {
        // The second session cannot have been held on the first day: shown, not offered.
        await school.page.getByTestId('attendance-session').click();
        await school.page.locator('.ant-select-item-option-disabled', { hasText: '第 2 次（尚未开课）' }).waitFor();
        await school.page.keyboard.press('Escape');
      }
      await school.page.getByTestId('attendance-all').click();
      if (session === 1)
        await school.page.locator('.ant-checkbox-wrapper').filter({ hasText: TRAINEES[2]!.name }).click();
      await school.page.getByTestId('attendance-record').click();
      await expect.poll(() => school.page.getByTestId('class-roster').innerText()).toContain(`${session} / 2`);
    }
    // She came late to the first session after all: its check-ins are taken again, with her.
    await chooseOption(school, 'attendance-session', '第 1 次（已签到）');
    await school.page.getByTestId('attendance-all').click();
    await school.page.getByTestId('attendance-record').click();
    await expect.poll(() => school.page.getByTestId('class-roster').innerText()).not.toContain('1 / 2');
    await checkAndShoot(school, 'training-class-attendance');

    const inspector = await as('clerk');
    await inspector.page.goto(classUrl);
    await expect.poll(() => state(inspector)).toBe('已开班');
    // Inspected on the second day, the platform's today (the browser's calendar proposes its own day).
    await inspector.page.locator('#inspectedOn').click();
    await inspector.page.locator('#inspectedOn').fill(addDays(startsOn, 1));
    await inspector.page.keyboard.press('Enter');
    await inspector.page.getByTestId('inspection-finding').fill('实到3人，与签到一致；实训教具齐全');
    await inspector.page.getByTestId('inspection-record').click();
    await expect.poll(() => inspector.page.locator('body').innerText()).toContain('实到3人，与签到一致');
  });

  it('once the class has ended the school records results, and the city clerk reviews the completion: certificates issued, claims filed', async () => {
    clock.setDate(addDays(endsOn, 1));
    const school = await as(DEMO_SCHOOL.username);
    await school.page.goto(classUrl);
    await school.page
      .locator(`input[data-testid="score-${TRAINEES[0]?.name}"], [data-testid="score-${TRAINEES[0]?.name}"] input`)
      .first()
      .fill('88');
    await school.page.getByTestId('assessment-record').click();
    await expect.poll(() => school.page.getByTestId('class-roster').innerText()).toContain('88');

    const counter = await as('counter');
    await counter.page.goto(classUrl);
    await counter.page.getByTestId('class-complete').click();
    await expect.poll(() => state(counter)).toBe('已结业');
    expect(await counter.page.locator('body').innerText()).toMatch(/PX510104-\d{4}-\d{7}-001/);
    await counter.page.getByTestId('class-claims').click();
    await expect.poll(() => counter.page.getByTestId('claims-filed').innerText()).toContain('新生成 3 份申请');
    await checkAndShoot(counter, 'training-class-completed');
    for (const link of await counter.page.getByTestId('claims-filed').locator('a').all())
      claimUrls.push(((await link.getAttribute('href')) ?? '').replace(/^.*#/, '/#'));
    expect(claimUrls).toHaveLength(3);
  });

  it('each claim is accepted, reviewed, approved and released by its own account, at the catalogue standard', async () => {
    const clerk = await as('clerk');
    const reviewer = await as('reviewer');
    const approver = await as('approver');
    const at = (v: Visitor) => v.page.locator('[data-state]').first().getAttribute('data-state');
    for (const url of claimUrls) {
      await clerk.page.goto(url);
      await clerk.page.getByTestId('action-accept').click();
      await expect.poll(() => at(clerk)).toBe('accepted');
      await reviewer.page.goto(url);
      await reviewer.page.getByTestId('action-review').click();
      await reviewer.page.getByTestId('action-reason').fill('证书经实名制系统核验');
      await confirmAction(reviewer.page);
      await expect.poll(() => at(reviewer)).toBe('reviewed');
      await approver.page.goto(url);
      await approver.page.getByTestId('action-approve').click();
      await confirmAction(approver.page);
      await expect.poll(() => at(approver)).toBe('approved');
      await approver.page.getByTestId('action-release').click();
      await expect.poll(() => at(approver)).toBe('payable');
    }
    // 育婴员 in the demo catalogue: 1,200元, whatever anyone typed.
    expect(await approver.page.locator('body').innerText()).toMatch(/1,200元/);
    await checkAndShoot(approver, 'training-claim-payable');
  });

  it('finance pays them through a bank batch, and the public verifies a certificate', async () => {
    const v = await as('finance');
    await v.page.goto('/#/finance/payments');
    await v.page.getByTestId('create-batches').click();
    // The batches' rows, not the preview's above them (rows by fund and channel before creation).
    const rows = v.page
      .locator('tbody tr.ant-table-row')
      .filter({ has: v.page.locator('[data-testid^="bank-file-"]') });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Every batch made now is handed to the bank and comes back paid in full.
    for (const row of await rows.all()) {
      const number = (await row.locator('td').first().innerText()).trim();
      const downloading = v.page.waitForEvent('download');
      await v.page.getByTestId(`bank-file-${number}`).click();
      const file = readFileSync((await (await downloading).path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
      const lines = file
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => l.split(','));
      const returned = lines.map((r) => [r[0], r[1], r[2], r[3], '成功', '', `BK${r[0] ?? ''}`].join(','));
      const chooser = v.page.waitForEvent('filechooser');
      await v.page.getByTestId(`return-file-${number}`).click();
      await (
        await chooser
      ).setFiles({
        name: 'return.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(['序号,账号,户名,金额,处理结果,失败原因,银行流水号', ...returned].join('\r\n'), 'utf8'),
      });
      await v.page.getByTestId('reconciliation').waitFor();
      await v.page.keyboard.press('Escape');
      await expect.poll(() => v.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已对账');
    }
    for (const url of claimUrls) {
      await v.page.goto(url);
      await expect.poll(() => v.page.locator('[data-state]').first().getAttribute('data-state')).toBe('paid');
    }
    await checkAndShoot(v, 'training-claim-paid');

    const school = await as(DEMO_SCHOOL.username);
    await school.page.goto(classUrl);
    const roster = school.page.getByTestId('class-roster');
    const serial = /PX510104-\d{4}-\d{7}-\d{3}/.exec(await roster.innerText())?.[0] ?? '';
    const holder = (
      await roster.locator('tr.ant-table-row').filter({ hasText: serial }).locator('td').first().innerText()
    ).trim();
    const visitorV = await as();
    await visitorV.page.goto('/#/training');
    await visitorV.page.getByRole('tab', { name: '证书查询' }).click();
    await visitorV.page.locator('#serial').fill(serial);
    await visitorV.page.locator('#name').fill(holder);
    await visitorV.page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => visitorV.page.locator('body').innerText()).toContain('证书真实有效');
    expect(await visitorV.page.locator('body').innerText()).toContain(DEMO_SCHOOL.name);
    await checkAndShoot(visitorV, 'training-certificate-verified');
  });
});
