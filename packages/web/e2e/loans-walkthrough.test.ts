import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../server/src/testing/fixtures.js';
import { workbook } from '../../server/src/testing/sheets.js';
import { browserWalk, chooseOption, checkAndShoot, confirmAction, type Visitor } from './harness.js';

/**
 * 创业担保贷款 end to end in a real browser (issue 20): a graduate (the demo's 李娜, 锦江区) applies
 * online for 20万元; 人社's reviewer approves her qualification; the guarantee institution guarantees
 * on a counter-guarantee it records (a civil servant's personal guarantee); the bank records the loan; a quarter later the bank imports its
 * statement, the clerk files the 贴息 claim, it is accepted, reviewed, approved and paid to the bank
 * through a payment batch; and she sees the subsidy on her loan. The walk runs on 2025's days:
 * 川办发〔2024〕34号 （五）, which sets 四川's 30万元 and 50% 贴息, was in force until 2025-12-31.
 */
vi.setConfig({ testTimeout: 120_000 });
const clock = TestClock.at('2025-06-10T10:00:00+08:00');
const walk = browserWalk({ clock });
const as = (username: string) => walk.as('zh-CN', username);
const f: { loanNumber?: string; applicationId?: string } = {};

const row = (v: Visitor) => v.page.locator('tr', { hasText: '李娜' });

describe('a graduate’s start-up guaranteed loan and its interest subsidy', () => {
  it('she applies online for 20万元 to the district’s bank and guarantor', async () => {
    const v = await as('lina');
    await v.page.goto('/#/my/loans');
    await v.page.getByTestId('loan-apply').waitFor();
    // What the text in force allows is said before she types an amount.
    await expect.poll(() => v.page.getByTestId('loan-limits').innerText()).toContain('300,000');
    expect(await v.page.getByTestId('loan-limits').innerText()).toContain('川办发〔2024〕34号');
    await v.page.locator('#requested').fill('200000');
    await v.page.locator('#purpose').fill('开办社区烘焙工作室');
    await chooseOption(v, 'bankId', '锦江农商银行', { untilClosed: true });
    await chooseOption(v, 'guarantorId', '成都创业融资担保', { untilClosed: true });
    await checkAndShoot(v, 'loans-applicant-apply');
    await v.page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => v.page.getByTestId('my-loan').first().innerText()).toContain('待资格审核');
    expect(await v.page.getByTestId('my-loan').first().innerText()).toContain('川办发〔2024〕34号');
    // Where it stands is said with what comes next.
    expect(await v.page.getByTestId('my-loan-next').first().innerText()).toContain('正在审核您的贷款资格');
  });

  it('人社 approves her qualification; the guarantor guarantees on a counter-guarantee it records; the bank lends', async () => {
    const reviewer = await as('reviewer');
    await reviewer.page.goto('/#/loans');
    await row(reviewer).getByRole('button', { name: '资格审核通过' }).click();
    // Asked first, naming the loan and the borrower.
    await expect
      .poll(() => reviewer.page.locator('.ant-popconfirm:visible').innerText())
      .toMatch(/李娜 的贷款 DB510104-2025-\d+ 资格审核通过？/);
    await confirmAction(reviewer.page);
    await expect.poll(() => row(reviewer).innerText()).toContain('待担保');
    // 人社 sees every bank's loans, and which bank each is with.
    expect(await reviewer.page.getByTestId('loan-table').locator('thead').innerText()).toContain('经办银行');
    await checkAndShoot(reviewer, 'loans-reviewer-desk');

    const guarantor = await as('guarantor');
    await guarantor.page.goto('/#/loans');
    await row(guarantor).getByRole('button', { name: '同意担保（需反担保）' }).click();
    // Asked for, the counter-guarantee is said for what it is before the guarantee is given.
    await guarantor.page.locator('#action-confirm').click();
    await expect.poll(() => guarantor.page.locator('.ant-modal').innerText()).toContain('反担保方式为必填项');
    await guarantor.page.getByTestId('counter-kind').getByText('保证').click();
    await guarantor.page.getByTestId('counter-note').fill('成都市锦江区某事业单位职工王某某提供连带责任保证');
    await checkAndShoot(guarantor, 'loans-guarantor-counter-guarantee');
    await confirmAction(guarantor.page);
    await expect.poll(() => row(guarantor).innerText()).toContain('待银行放款');

    const bank = await as('bank');
    await bank.page.goto('/#/loans');
    await row(bank).getByRole('button', { name: '登记放款' }).click();
    await bank.page.locator('#principal').fill('200000');
    await bank.page.locator('#rate').fill('3.45');
    await bank.page.locator('#on').fill('2025-06-10');
    await bank.page.locator('#on').press('Enter');
    await confirmAction(bank.page);
    await expect.poll(() => row(bank).innerText()).toContain('还款中');
    await checkAndShoot(bank, 'loans-bank-desk');
    f.loanNumber = (await row(bank).getByRole('button').first().innerText()).trim();
    expect(f.loanNumber).toMatch(/^DB510104-2025-/);
  });

  it('a quarter later the bank imports its statement and the clerk files the subsidy claim', async () => {
    clock.setDate('2025-10-10');
    const bank = await as('bank');
    await bank.page.goto('/#/loans');
    const file = await workbook(
      ['贷款编号', '结息期间', '贷款余额（元）', '执行年利率（%）', '本期利息（元）', '是否按期还款'],
      [[f.loanNumber ?? '', '2025-Q3', '200000.00', '3.45', '1743.33', '是']],
    );
    await bank.page
      .locator('input[type=file]')
      .setInputFiles({ name: 'statement.xlsx', mimeType: 'application/octet-stream', buffer: file });
    // 1743.33元 × 50% = 871.665元, rounded down to the fen.
    await expect.poll(() => bank.page.locator('body').innerText()).toContain('贴息合计 871.66元');

    const clerk = await as('clerk');
    await clerk.page.goto('/#/loans');
    await clerk.page.getByTestId('loan-claims').click();
    await expect.poll(() => clerk.page.locator('body').innerText()).toMatch(/已申报 \d+ 笔贴息/);
    await checkAndShoot(clerk, 'loans-clerk-desk');
    const db = walk.platform.app.database.db;
    const period = await db
      .selectFrom('loan_period')
      .innerJoin('loan', 'loan.id', 'loan_period.loan_id')
      .select('loan_period.application_id')
      .where('loan.number', '=', f.loanNumber ?? '')
      .executeTakeFirstOrThrow();
    f.applicationId = period.application_id ?? '';
    expect(f.applicationId).not.toBe('');
  });

  it('the claim is accepted, reviewed, approved and paid to the bank through a payment batch', async () => {
    const url = `/#/applications/${f.applicationId ?? ''}`;
    const at = (v: Visitor) => v.page.locator('[data-state]').first().getAttribute('data-state');
    const counter = await as('counter');
    await counter.page.goto(url);
    await counter.page.getByTestId('action-accept').click();
    await expect.poll(() => at(counter)).toBe('accepted');
    const reviewer = await as('reviewer');
    await reviewer.page.goto(url);
    await reviewer.page.getByTestId('action-review').click();
    await reviewer.page.getByTestId('action-reason').fill('结息清单与借款合同一致，按期还款');
    await confirmAction(reviewer.page);
    await expect.poll(() => at(reviewer)).toBe('reviewed');
    const approver = await as('approver');
    await approver.page.goto(url);
    await approver.page.getByTestId('action-approve').click();
    await confirmAction(approver.page);
    await expect.poll(() => at(approver)).toBe('approved');
    await approver.page.getByTestId('action-release').click();
    await expect.poll(() => at(approver)).toBe('payable');
    expect(await approver.page.locator('body').innerText()).toMatch(/871\.66元/);

    const finance = await as('finance');
    await finance.page.goto('/#/finance/payments');
    await finance.page.getByTestId('create-batches').click();
    const batch = finance.page.locator('tbody tr.ant-table-row', { hasText: '871.66' }).first();
    await batch.waitFor();
    // The batch's number, from its bank-file button (the row's first cell is not the same on every layout).
    const testId = (await batch.locator('[data-testid^="bank-file-"]').first().getAttribute('data-testid')) ?? '';
    const number = testId.replace(/^bank-file-/, '');
    const downloading = finance.page.waitForEvent('download');
    await finance.page.getByTestId(`bank-file-${number}`).click();
    const lines = readFileSync((await (await downloading).path()) ?? '', 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(','));
    expect(lines.map((l) => l[2])).toEqual(['锦江农商银行春熙支行（示例）']);
    const returned = lines.map((r) => [r[0], r[1], r[2], r[3], '成功', '', `BK${r[0] ?? ''}`].join(','));
    await expect.poll(() => finance.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已导出');
    const chooser = finance.page.waitForEvent('filechooser');
    await finance.page.getByTestId(`return-file-${number}`).click();
    await (
      await chooser
    ).setFiles({
      name: 'return.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['序号,账号,户名,金额,处理结果,失败原因,银行流水号', ...returned].join('\r\n'), 'utf8'),
    });
    await finance.page.getByTestId('reconciliation').waitFor();
    await finance.page.keyboard.press('Escape');
    await expect.poll(() => finance.page.getByTestId(`batch-state-${number}`).innerText()).toContain('已对账');
  });

  it('she sees the subsidy the bank received for her quarter', async () => {
    const v = await as('lina');
    await v.page.goto('/#/my/loans');
    const loan = v.page.getByTestId('my-loan').first();
    await expect.poll(() => loan.getByTestId('loan-subsidy-paid').innerText()).toBe('871.66元');
    expect(await loan.innerText()).toContain('已拨付给银行');
    await checkAndShoot(v, 'loans-applicant-paid');
    // She was told of each decision as it was made, each message leading to her loans; the menu
    // says there are messages she has not read.
    await expect
      .poll(async () => Number(await v.page.getByTestId('unread-count').innerText()))
      .toBeGreaterThanOrEqual(3);
    await v.page.goto('/#/my/messages');
    const told = v.page.getByTestId('message-loan');
    await expect.poll(() => told.count()).toBe(3);
    expect(await told.first().innerText()).toContain('放款200,000元');
    // Read here, the menu's count goes at once, without another page opened.
    await v.page.getByTestId('messages-read-all').click();
    await v.page.getByTestId('unread-count').waitFor({ state: 'detached' });
    await told.first().getByRole('link', { name: '查看我的贷款' }).click();
    await v.page.getByTestId('my-loan').first().waitFor();
  });

  it('a borrower who missed a quarter is told what it costs and whom to ask; her lists have no staff filters', async () => {
    const v = await as('loan2');
    await v.page.goto('/#/my/loans');
    const overdue = v.page.getByTestId('my-loan-overdue');
    await expect.poll(() => overdue.innerText()).toContain('未按期还款，该期不予贴息');
    expect(await overdue.innerText()).toContain('锦江');
    // The quarter in words, not its key (2025-Q3).
    expect(await overdue.innerText()).toMatch(/\d{4}年第[1-4]季度/);
    const periods = v.page.getByTestId('loan-periods');
    expect(await periods.innerText()).toContain('无需申报');
    expect(await periods.innerText()).not.toContain('待申报');
    expect(await v.page.locator('.ant-table-filter-trigger').count()).toBe(0);
    await checkAndShoot(v, 'loans-applicant-overdue');
  });

  it('reads in English too: the bank’s desk and her loans', async () => {
    const bank = await walk.as('en-US', 'bank');
    await bank.page.goto('/#/loans');
    await expect.poll(() => row(bank).innerText()).toContain('Repaying');
    // At a laptop's 1366 px the English list is wider than the page: it scrolls sideways, its
    // buttons staying in view at the right edge; the amount's header leaves the unit to the cells.
    const table = bank.page.getByTestId('loan-table');
    const rightOf = async (at: Locator) => {
      const box = await at.boundingBox();
      return (box?.x ?? Infinity) + (box?.width ?? 0);
    };
    const edge = await rightOf(table);
    expect(await rightOf(table.locator('th', { hasText: 'Actions' }))).toBeLessThanOrEqual(edge);
    expect(await rightOf(row(bank).getByRole('button', { name: 'Default' }))).toBeLessThanOrEqual(edge);
    expect(await table.locator('thead').innerText()).toContain('Amount requested');
    expect(await table.locator('thead').innerText()).not.toContain('(yuan)');
    // The bank sees its own loans only: a column of its own name would say nothing.
    expect(await table.locator('thead').innerText()).not.toContain('Lending bank');
    await checkAndShoot(bank, 'loans-bank-desk');
    // The loan opened on the desk: its schedule and quarters as staff lists.
    for (const desk of [bank, await as('bank')]) {
      await desk.page.goto('/#/loans');
      await row(desk)
        .getByRole('button', { name: /DB510104/ })
        .click();
      await expect
        .poll(() => desk.page.getByTestId('loan-schedule').locator('tbody tr.ant-table-row').count())
        .toBe(12);
      await expect.poll(() => desk.page.getByTestId('loan-periods').innerText()).toMatch(/871\.66/);
      await checkAndShoot(desk, 'loans-bank-loan');
    }
    const v = await walk.as('en-US', 'lina');
    await v.page.goto('/#/my/loans');
    await expect.poll(() => v.page.getByTestId('loan-subsidy-paid').first().innerText()).toBe('¥871.66');
    expect(await v.page.getByTestId('my-loan-next').first().innerText()).toContain('each quarter repaid on time earns');
    await checkAndShoot(v, 'loans-applicant-paid');
  });

  it('in default, the guarantor compensates what the schedule had not yet called for, after saying so', async () => {
    clock.setDate('2025-12-20');
    const bank = await as('bank');
    await bank.page.goto('/#/loans');
    await row(bank)
      .getByRole('button', { name: /^违\s?约$/ })
      .click();
    // Sent empty, the dialog stays open and says what is missing, under each field.
    await bank.page.locator('#action-confirm').click();
    const dialog = bank.page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('请填写理由');
    expect(await dialog.innerText()).toContain('请填写违约日期');
    await bank.page.locator('#on').fill('2025-12-20');
    await bank.page.locator('#on').press('Enter');
    await bank.page.locator('#reason').fill('连续两期未按期还款');
    await confirmAction(bank.page);
    await expect.poll(() => row(bank).innerText()).toContain('逾期违约');

    const guarantor = await as('guarantor');
    await guarantor.page.goto('/#/loans');
    await row(guarantor)
      .getByRole('button', { name: /^代\s?偿$/ })
      .click();
    // Proposed: the 20万元 less the instalments due by the day of default, not the whole principal.
    const amount = guarantor.page.getByTestId('compensation-amount');
    await expect.poll(() => amount.inputValue()).not.toBe('');
    const proposed = Number(await amount.inputValue());
    expect(proposed).toBeGreaterThan(0);
    expect(proposed).toBeLessThan(200_000);
    expect(await guarantor.page.getByRole('dialog').innerText()).toContain('违约日尚未到期的本金');
    // Pressed until the dialog closes: a press during its opening animation can be lost on a busy machine.
    await confirmAction(guarantor.page);
    await expect.poll(() => row(guarantor).innerText()).toContain('已代偿');
  });
});
