import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { login as apiLogin } from '../../server/src/testing/fixtures.js';
import { readTable } from '../../server/src/registry/import/tabular.js';
import {
  checkAndShoot,
  confirmAction,
  followLink,
  login,
  SCREENSHOTS,
  startPlatform,
  visitor,
  type Language,
  type Platform,
  type Visitor,
} from './harness.js';

/**
 * The back office in a real browser (issue 16): staff work in a frame of their own — a side menu
 * grouped by job, breadcrumbs — and land on a page of their own; a clerk finds an application by
 * the applicant's ID number, steps through a filtered list with next and previous, exports the
 * filtered rows to Excel and accepts two of a filtered queue as a batch; every row shows the amount the engine decided; finance sees a batch before
 * creating it, reconciles a return file with a failure and a stranger — the batch stays open — and
 * pays the failed item again once its account is corrected. In both languages, every page checked
 * and photographed.
 */
vi.setConfig({ testTimeout: 120_000 });
let platform: Platform;
const open: Visitor[] = [];
async function as(language: Language, username: string): Promise<Visitor> {
  const v = await visitor(platform, language);
  open.push(v);
  await login(v, username, DEMO_PASSWORD);
  return v;
}

/** The bank's own words in the return file: data in Latin script, rightly shown. */
const BANK_WORDS = ['ACCT CLOSED'];

/** An application in the clerk's county and its applicant's whole ID number (read as the server would). */
let target: { number: string; idNumber: string };
/** The numbers of the applications the demo clerk filed at the counter. */
let filedByClerk: string[] = [];
/** An accepted application with none of its materials handed in. */
let toReview = '';
/** A person of the clerk's county with registry facts on record, and their whole ID number. */
let withFacts: { name: string; idNumber: string };
/** A unit of the clerk's county. */
let unit: { name: string; creditCode: string };

beforeAll(async () => {
  platform = await startPlatform();
  const { db } = platform.app.database;
  const row = await db
    .selectFrom('application')
    .innerJoin('person', 'person.id', 'application.person_id')
    .select(['application.number', 'person.id_number_cipher'])
    .where('application.region_code', '=', '510104')
    .where('application.state', '=', 'submitted')
    // Not one the clerk filed at the counter herself: she may not accept that one (separation of duties).
    .where((eb) =>
      eb.or([
        eb('application.requested_by', 'is', null),
        eb('application.requested_by', 'not in', eb.selectFrom('account').select('id').where('username', '=', 'clerk')),
      ]),
    )
    .orderBy('application.number')
    .executeTakeFirstOrThrow();
  target = { number: row.number, idNumber: platform.app.vault.decrypt(row.id_number_cipher) };
  filedByClerk = (
    await db
      .selectFrom('application')
      .innerJoin('account', 'account.id', 'application.requested_by')
      .select('application.number')
      .where('account.username', '=', 'clerk')
      .execute()
  ).map((a) => a.number);
  const accepted = await db
    .selectFrom('application')
    .select('id')
    .where('state', '=', 'accepted')
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('application_evidence').select('id').whereRef('application_id', '=', 'application.id')),
      ),
    )
    .orderBy('number')
    .executeTakeFirstOrThrow();
  toReview = accepted.id;
  const holder = await db
    .selectFrom('person')
    .select(['person.name', 'person.id_number_cipher'])
    .where('person.region_code', '=', '510104')
    .where((eb) => eb.exists(eb.selectFrom('registry_fact').select('id').whereRef('person_id', '=', 'person.id')))
    .orderBy('person.name')
    .executeTakeFirstOrThrow();
  withFacts = { name: holder.name, idNumber: platform.app.vault.decrypt(holder.id_number_cipher) };
  unit = await db
    .selectFrom('organisation')
    .select(['name', 'credit_code as creditCode'])
    .where('region_code', '=', '510104')
    .orderBy('credit_code')
    .executeTakeFirstOrThrow();
}, 180_000);
beforeEach(() => {
  onTestFailed(async () => {
    for (const [i, v] of open.entries())
      await v.page
        .screenshot({ path: `${SCREENSHOTS}/back-office-failed-${i}.png`, fullPage: true })
        .catch(() => undefined);
  });
});
afterAll(async () => {
  for (const v of open) await v.context.close();
  await platform?.close();
});

const GROUPS: Record<Language, { review: string; registry: string; workbench: string }> = {
  'zh-CN': { review: '受理审核', registry: '人员单位库', workbench: '工作台' },
  'en-US': { review: 'Acceptance & review', registry: 'Registry', workbench: 'Workbench' },
};

for (const language of ['zh-CN', 'en-US'] as const) {
  describe(`the clerk's day (${language})`, () => {
    it('lands on the workbench inside the back office frame, grouped by job', async () => {
      const v = await as(language, 'clerk');
      await expect.poll(() => new URL(v.page.url()).hash).toBe('#/work');
      const menu = v.page.locator('.ant-pro-sider');
      await expect.poll(() => menu.innerText()).toContain(GROUPS[language].review);
      expect(await menu.innerText()).toContain(GROUPS[language].registry);
      // The public site's pages are not in the staff menu.
      expect(await menu.innerText()).not.toContain(language === 'zh-CN' ? '政策计算器' : 'Self-check');
      await expect.poll(() => v.page.locator('.ant-breadcrumb').innerText()).toContain(GROUPS[language].workbench);
      const rows = v.page.locator('[data-testid="worklist"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      // The engine's amount on every row: none shows a dash in the amount column.
      const amounts = await rows.locator('td:last-child').allInnerTexts();
      expect(amounts.every((a) => /\d/.test(a))).toBe(true);
      await checkAndShoot(v, 'back-office-clerk-workbench');
    });

    it('finds an application by the applicant’s ID number, never showing it whole', async () => {
      const v = await as(language, 'clerk');
      await v.page.getByTestId('worklist-search').fill(target.idNumber);
      await v.page.getByTestId('worklist-search').press('Enter');
      const rows = v.page.locator('[data-testid="worklist"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(target.number);
      await checkAndShoot(v, 'back-office-clerk-search');
    });

    it('finds the applicant in the registry by ID number, masked', async () => {
      const v = await as(language, 'clerk');
      await v.page.goto('/#/registry');
      const table = v.page.getByTestId('people-table');
      await v.page.getByTestId('people-search-id').fill(target.idNumber);
      await v.page.getByTestId('people-search-id').press('Enter');
      const rows = table.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(
        `${target.idNumber.slice(0, 6)}********${target.idNumber.slice(-4)}`,
      );
      await checkAndShoot(v, 'back-office-clerk-registry');
    });

    it('finds a unit by its credit code and sets the account its subsidies are paid to', async () => {
      const v = await as(language, 'clerk');
      await v.page.goto('/#/registry');
      await v.page.getByRole('tab', { name: language === 'zh-CN' ? '单位' : 'Units' }).click();
      await v.page.getByTestId('units-search-code').fill(unit.creditCode);
      await v.page.getByTestId('units-search-code').press('Enter');
      const rows = v.page.getByTestId('units-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(1);
      await rows.first().getByRole('link', { name: unit.name }).click();
      await v.page.getByTestId('set-unit-bank-account').click();
      const account = language === 'zh-CN' ? '6222 0202 0011 2233 445' : '6222 0202 0011 2233 446';
      await v.page.locator('#correct-account-number').fill(account);
      await v.page.locator('#correct-account-bank').fill('示例银行锦江支行');
      await v.page.locator('.ant-modal .ant-btn-primary').click();
      await expect
        .poll(() => v.page.getByTestId('unit-bank-account').innerText())
        .toMatch(new RegExp(`^示例银行锦江支行 \\d{6}\\*+${account.replace(/ /g, '').slice(-4)}$`));
      await checkAndShoot(v, 'back-office-clerk-unit', [unit.creditCode, unit.name, '示例银行锦江支行']);
    });

    it('exports the people found, masked, and opens one whose facts read as words', async () => {
      const v = await as(language, 'clerk');
      await v.page.goto('/#/registry');
      const table = v.page.getByTestId('people-table');
      await v.page.getByTestId('people-search-id').fill(withFacts.idNumber);
      await v.page.getByTestId('people-search-id').press('Enter');
      const rows = table.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(1);
      const downloading = v.page.waitForEvent('download');
      await v.page.getByTestId('people-export').click();
      const sheet = await readTable(readFileSync((await (await downloading).path()) ?? ''));
      expect(sheet.slice(1).map((r) => r[0]?.text)).toEqual([withFacts.name]);
      expect(sheet.flat().map((c) => c.text)).not.toContain(withFacts.idNumber);

      await rows.first().locator('td a').first().click();
      const facts = v.page.locator('[data-testid="person-facts"] tbody tr.ant-table-row');
      await expect.poll(() => facts.count()).toBeGreaterThan(0);
      expect(await facts.first().innerText()).not.toMatch(/kind:|from:|[{}]/);
      await checkAndShoot(v, 'back-office-clerk-person-facts');
    });

    it('steps through the filtered list with next and previous, and exports it', async () => {
      const v = await as(language, 'clerk');
      await v.page.getByTestId('queue-submitted').click();
      const rows = v.page.locator('[data-testid="worklist"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(1);
      const numbers = await rows.locator('td a').allInnerTexts();
      await rows.first().locator('td a').first().click();
      await v.page.getByTestId('pager').waitFor();
      await expect.poll(() => v.page.locator('h3').first().innerText()).not.toBe('');
      const first = v.page.url();
      await v.page.getByTestId('pager-next').click();
      await expect.poll(() => v.page.url()).not.toBe(first);
      await expect.poll(() => v.page.locator('body').innerText()).toContain(numbers[1] ?? '');
      await checkAndShoot(v, 'back-office-application-next');
      await v.page.getByTestId('pager-previous').click();
      await expect.poll(() => v.page.url()).toBe(first);

      // Back to the list by the side menu, the same queue chosen again, and its rows exported.
      await v.page.locator('.ant-pro-sider a[href="#/work"]').click();
      await v.page.getByTestId('queue-submitted').click();
      await expect.poll(() => rows.count()).toBe(numbers.length);
      const downloading = v.page.waitForEvent('download');
      await v.page.getByTestId('worklist-export').click();
      const sheet = await readTable(readFileSync((await (await downloading).path()) ?? ''));
      const exported = sheet.slice(1).map((r) => r[0]?.text ?? '');
      for (const n of numbers) expect(exported).toContain(n);
      expect(sheet[0]?.map((c) => c.text)).toContain(language === 'zh-CN' ? '申请编号' : 'Application');
    });
  });
}

describe('the application page says where it stands', () => {
  for (const language of ['zh-CN', 'en-US'] as const) {
    it(`in ${language}: steps with who and when, the days left, only the caller's actions, missing materials`, async () => {
      const clerk = await as(language, 'clerk');
      await clerk.page.getByTestId('worklist-search').fill(target.number);
      await clerk.page.getByTestId('worklist-search').press('Enter');
      // The unfiltered list shows first; clicking before the search answers opens someone else's claim.
      const found = clerk.page.locator('[data-testid="worklist"] tbody tr.ant-table-row');
      await expect.poll(() => found.count()).toBe(1);
      await found.first().getByRole('link', { name: target.number }).click();
      const steps = clerk.page.getByTestId('workflow-steps');
      await expect.poll(() => steps.innerText()).toContain(language === 'zh-CN' ? '受理' : 'Acceptance');
      await clerk.page.getByTestId('days-left').waitFor();
      await clerk.page.getByTestId('action-accept').waitFor();
      // Withdrawing is the applicant's to ask: the clerk is not offered it.
      expect(await clerk.page.getByTestId('action-withdraw').count()).toBe(0);
      await checkAndShoot(clerk, 'back-office-application-clerk');

      const reviewer = await as(language, 'reviewer');
      await reviewer.page.goto(`/#/applications/${toReview}`);
      await reviewer.page.getByTestId('materials-missing').waitFor();
      await reviewer.page.getByTestId('action-review').click();
      await reviewer.page.getByTestId('materials-warning').waitFor();
      await checkAndShoot(reviewer, 'back-office-application-missing-materials');
      await reviewer.page.keyboard.press('Escape');
    });
  }
});

describe('the clerk is asked before accepting what the engine refuses', () => {
  it('a claim judged ineligible is accepted only at a second word, the unmet conditions listed', async () => {
    const { db } = platform.app.database;
    const lina = await db
      .selectFrom('person')
      .innerJoin('account', 'account.person_id', 'person.id')
      .select('person.id')
      .where('account.username', '=', 'lina')
      .executeTakeFirstOrThrow();
    // Filed at the city's counter for a post she never held: the engine finds her ineligible.
    const counter = await apiLogin(platform.app, 'counter', DEMO_PASSWORD);
    const filed = await counter.request('POST', '/api/v1/applications', {
      subsidy: 'public-welfare-post',
      personId: lina.id,
      claim: { fromMonth: '2026-01', toMonth: '2026-02' },
      submit: true,
      idempotencyKey: 'walk-accept-ineligible',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json<{ id: string }>().id;
    const clerk = await as('zh-CN', 'clerk');
    await clerk.page.goto(`/#/applications/${id}`);
    await clerk.page.getByTestId('action-accept').click();
    const warning = clerk.page.getByTestId('accept-ineligible');
    await expect.poll(() => warning.innerText()).toContain('第');
    // Accepting it anyway needs the reason, for the record.
    expect(await clerk.page.locator('#action-confirm').isDisabled()).toBe(true);
    await clerk.page.getByTestId('action-reason').fill('申请人称已在公益性岗位工作，现场核验劳动合同后再审');
    await checkAndShoot(clerk, 'back-office-accept-ineligible');
    await confirmAction(clerk.page);
    await expect.poll(() => clerk.page.locator('[data-state]').first().getAttribute('data-state')).toBe('accepted');
  });
});

describe('the clerk works a filtered queue as a batch', () => {
  for (const language of ['zh-CN', 'en-US'] as const) {
    it(`in ${language}: two submitted applications chosen and accepted at once`, async () => {
      const v = await as(language, 'clerk');
      await v.page.getByTestId('queue-submitted').click();
      const rows = v.page.locator('[data-testid="worklist"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(2);
      // Any two but the application the other tests open and those she filed at the counter herself
      // (which separation of duties keeps her from accepting).
      // Those the engine found ineligible are accepted one by one, on their page, with a reason.
      const others = rows
        .filter({ hasNotText: new RegExp([target.number, ...filedByClerk].join('|')) })
        .filter({ has: v.page.locator('.ant-checkbox-input:not([disabled])') });
      const chosen = [
        (await others.nth(0).locator('td a').first().innerText()).trim(),
        (await others.nth(1).locator('td a').first().innerText()).trim(),
      ];
      // What she filed at the counter herself is listed but cannot be picked.
      const own = rows.filter({ hasText: new RegExp(filedByClerk.join('|')) });
      expect(await own.count()).toBeGreaterThan(0);
      expect(await own.first().locator('.ant-checkbox-input').isDisabled()).toBe(true);
      for (const i of [0, 1]) await others.nth(i).locator('.ant-checkbox-input').check();
      await expect.poll(() => v.page.getByTestId('batch-action').innerText()).toContain('2');
      await checkAndShoot(v, 'back-office-clerk-batch');
      await v.page.getByTestId('batch-action').click();
      await expect
        .poll(async () => (await rows.allInnerTexts()).some((r) => chosen.some((n) => r.includes(n))))
        .toBe(false);
      expect(await v.page.getByTestId('error').count()).toBe(0);
      // They are in the clerk's own record of what they did, once the status filter is cleared.
      await v.page
        .locator('.ant-pro-query-filter button')
        .filter({ hasText: /重\s*置|Reset/ })
        .click();
      await v.page
        .getByTestId('worklist-view')
        .getByText(language === 'zh-CN' ? '我经办的' : 'Done by me')
        .click();
      await expect.poll(() => v.page.getByTestId('worklist').innerText()).toContain(chosen[0]);
    });
  }
});

describe('each role lands on a page of its own', () => {
  const landings: [string, string, string][] = [
    ['admin', '#/admin/accounts', 'accounts-table'],
    ['finance', '#/finance/payments', 'create-batches'],
    ['reviewer', '#/work', 'worklist'],
  ];
  for (const language of ['zh-CN', 'en-US'] as const) {
    it(`in ${language}`, async () => {
      for (const [username, hash, ready] of landings) {
        const v = await as(language, username);
        await expect.poll(() => new URL(v.page.url()).hash).toBe(hash);
        await v.page.getByTestId(ready).first().waitFor();
        await v.page.locator('.ant-pro-sider').waitFor();
        await checkAndShoot(v, `back-office-${username}-landing`);
      }
    });
  }
});

describe('finance reconciles a return file with a failure and a stranger', () => {
  let detailsUrl = '';

  it('previews, creates, and keeps the batch open until the failed item is paid again', async () => {
    const v = await as('zh-CN', 'finance');
    await v.page.goto('/#/finance/payments');
    await expect.poll(() => v.page.getByTestId('batch-preview').innerText()).toMatch(/元/);
    const previewTotal = await v.page.getByTestId('batch-preview-total').innerText();
    await checkAndShoot(v, 'back-office-finance-preview');
    await v.page.getByTestId('create-batches').click();
    const firstRow = v.page.locator('tbody tr.ant-table-row').filter({ hasText: 'PB-' }).first();
    await expect.poll(() => firstRow.innerText()).toContain('待导出');
    const number = (await firstRow.locator('td').first().innerText()).trim();
    expect(await firstRow.innerText()).toContain(previewTotal);

    // The batches narrowed by state in the column's header and exported: the sheet holds exactly
    // those rows, by label and in 元.
    const batches = v.page.getByTestId('batches');
    await batches.locator('th').filter({ hasText: '状态' }).locator('.ant-table-filter-trigger').click();
    const filter = v.page.locator('.ant-table-filter-dropdown:visible');
    await filter.locator('.ant-dropdown-menu-item').filter({ hasText: '待导出' }).click();
    await filter.locator('.ant-btn-primary').click();
    await expect.poll(() => filter.count()).toBe(0);
    const exporting = v.page.waitForEvent('download');
    await v.page.getByTestId('batches-export').click();
    const sheet = await readTable(readFileSync((await (await exporting).path()) ?? ''));
    const header = sheet[0]?.map((c) => c.text) ?? [];
    expect(header).toEqual(expect.arrayContaining(['批次号', '状态', '金额（元）']));
    expect(sheet.slice(1).map((r) => r[0]?.text)).toContain(number);
    for (const r of sheet.slice(1)) expect(r.map((c) => c.text)).toContain('待导出');
    // Money leaves as a number of 元 a finance officer can add up, not as the text on the page.
    const amount = sheet.slice(1).find((r) => r[0]?.text === number)?.[header.indexOf('金额（元）')];
    expect(amount?.numeric).toBe(true);
    expect(Number(amount?.text)).toBe(Number(previewTotal.replace(/[,\s元]/g, '')));

    // The schedule to print and sign: every line, adding up to what the preview said.
    await v.page.getByTestId(`batch-schedule-${number}`).click();
    await expect.poll(() => v.page.getByTestId('schedule-total').innerText()).toBe(previewTotal);
    await checkAndShoot(v, 'back-office-finance-schedule');
    await v.page.goBack();

    const downloading = v.page.waitForEvent('download');
    await v.page.getByTestId(`bank-file-${number}`).click();
    const file = readFileSync((await (await downloading).path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    // A second copy is asked for, warning that the bank must not be sent it twice; cancelled here.
    await expect.poll(() => v.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已导出');
    await v.page.getByTestId(`bank-file-${number}`).click();
    await expect.poll(() => v.page.locator('.ant-popconfirm:visible').innerText()).toContain('切勿重复提交');
    await v.page.locator('.ant-popconfirm:visible').getByRole('button', { name: '取 消' }).click();
    // Confirmed, the copy is the same file (the server gives one only when asked for as a copy).
    const copying = v.page.waitForEvent('download');
    await v.page.getByTestId(`bank-file-${number}`).click();
    await confirmAction(v.page);
    const copy = readFileSync((await (await copying).path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    expect(copy).toBe(file);
    const rows = file
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    // The bank pays every row but the first, refuses that one in its own words, and adds a stranger.
    const answered = rows.map((r, i) => [
      r[0],
      r[1],
      r[2],
      r[3],
      i === 0 ? '失败' : '成功',
      i === 0 ? 'ACCT CLOSED' : '',
      i === 0 ? '' : `BK${r[0] ?? ''}`,
    ]);
    answered.push(['999', '6217009999999999999', '陌生人', '88.00', '成功', '', 'BK999']);
    const returnFile = Buffer.from(
      ['序号,账号,户名,金额,处理结果,失败原因,银行流水号', ...answered.map((r) => r.join(','))].join('\r\n'),
      'utf8',
    );
    await expect.poll(() => v.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已导出');
    const chooser = v.page.waitForEvent('filechooser');
    await v.page.getByTestId(`return-file-${number}`).click();
    await (await chooser).setFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: returnFile });
    await followLink(v.page, v.page.getByTestId('reconciliation-details'), /#\/finance\/payments\/[0-9a-f-]{36}/);

    await expect.poll(() => v.page.getByTestId('reconciled').innerText()).toContain('未对账');
    expect(await v.page.getByTestId('tally-failed').innerText()).toMatch(/1/);
    expect(await v.page.getByTestId('tally-unmatched').innerText()).toContain('88元');
    expect(await v.page.getByTestId('unmatched-rows').innerText()).toContain('序号 999 不在本批次中');
    expect(await v.page.getByTestId('failed-items').innerText()).toContain('ACCT CLOSED');
    expect(await v.page.getByTestId('reissue-1').isDisabled()).toBe(true);
    detailsUrl = v.page.url();
    await checkAndShoot(v, 'back-office-finance-reconciliation', BANK_WORDS);

    // Re-issue waits for the account, and says who corrects it: the counter, in the registry, not finance.
    expect(await v.page.getByTestId('correct-account-1').count()).toBe(0);
    await v.page.getByTestId('reissue-1').hover();
    await v.page.locator('.ant-tooltip').getByText('经办窗口在人员单位库中更正收款账户').waitFor();
    const finance = await apiLogin(platform.app, 'finance', DEMO_PASSWORD);
    const batchId = v.page.url().split('/').pop() ?? '';
    const [failed] = (await finance.request('GET', `/api/v1/payment-batches/${batchId}/reconciliation`)).json<{
      failedItems: { payee: { kind: string; id: string } }[];
    }>().failedItems;
    expect(failed?.payee.kind).toBe('person');
    const counter = await as('zh-CN', 'counter');
    await counter.page.goto(`/#/registry/people/${failed?.payee.id ?? ''}`);
    await counter.page.getByTestId('set-bank-account').click();
    await counter.page.locator('#correct-account-number').fill('6217 0000');
    await counter.page.locator('#correct-account-save').click();
    await counter.page.locator('.ant-modal:visible').getByText('银行账号应为 12 至 30 位数字').waitFor();
    await counter.page.locator('#correct-account-number').fill('6217 0000 7777 7777 777');
    await counter.page.locator('#correct-account-bank').fill('示例银行');
    await checkAndShoot(counter, 'back-office-registry-bank-account', BANK_WORDS);
    await counter.page.locator('#correct-account-save').click();
    await expect.poll(() => counter.page.getByTestId('person-bank-account').innerText()).toContain('示例银行');
    await v.page.reload();
    await expect.poll(() => v.page.getByTestId('failed-items').innerText()).toContain('账户已更正');
    await v.page.getByTestId('reissue-1').click();
    await expect.poll(() => v.page.getByTestId('reconciled').innerText()).toContain('已对账');
    expect(await v.page.getByTestId('failed-items').innerText()).toContain('已在批次');
    await checkAndShoot(v, 'back-office-finance-reissued', BANK_WORDS);
  });

  it('reads the same reconciliation in English, with no Chinese sentence of ours in it', async () => {
    const v = await as('en-US', 'finance');
    await v.page.goto(detailsUrl.replace(/^.*#/, '/#'));
    await expect.poll(() => v.page.getByTestId('reconciled').innerText()).toContain('Reconciled');
    expect(await v.page.getByTestId('unmatched-rows').innerText()).toContain('Sequence 999 is not in this batch');
    expect(await v.page.getByTestId('unmatched-rows').innerText()).not.toContain('不在本批次');
    await checkAndShoot(v, 'back-office-finance-reconciliation', BANK_WORDS);
    await v.page.goto('/#/finance/payments');
    await v.page.getByTestId('batch-preview').waitFor();
    await checkAndShoot(v, 'back-office-finance-preview');
  });
});
