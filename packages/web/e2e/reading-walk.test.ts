import type { Locator, Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { browserWalk, checkAndShoot, confirmAction, pageWidth, type Visitor } from './harness.js';

/**
 * What a person reads, as they read it: on a phone, the public lists scroll sideways rather than
 * squeeze each column to a character a line; the back office's pages keep clear of the side menu;
 * an applicant is told under their claim where it stands, why, and what happens next.
 */
vi.setConfig({ testTimeout: 180_000 });
const walk = browserWalk();
const PHONE = { width: 390, height: 844 };

/**
 * How many lines the text in an element takes: the tops of its text's boxes, a few pixels apart at
 * most on one line. Only text counts: a sort or filter icon beside a title sits higher or lower.
 */
async function lines(cell: Locator): Promise<number> {
  return cell.evaluate((element) => {
    const doc = element.ownerDocument;
    const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    const tops: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = doc.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.push(rect.top);
    }
    tops.sort((x, y) => x - y);
    return tops.filter((top, i) => top - (tops[i - 1] ?? -Infinity) > 4).length;
  });
}

/** The header titles of a table that wrap onto more than one line. */
async function wrappedHeaders(table: Locator): Promise<string[]> {
  const cells = table.locator('thead th');
  await cells.first().waitFor();
  const wrapped: string[] = [];
  for (const th of await cells.all()) if ((await lines(th)) > 1) wrapped.push(await th.innerText());
  return wrapped;
}

async function stateOf(page: Page): Promise<string | null> {
  return page.locator('[data-state]').first().getAttribute('data-state');
}

describe('reading the pages', () => {
  it('on a phone, the recipients are cards with their amounts in view, and the catalogues keep each title on one line', async () => {
    const v = await walk.as('zh-CN', undefined, PHONE);
    await v.page.goto('/#/gongshi');
    const cards = v.page.getByTestId('disclosure-cards').locator('.ant-card');
    await cards.first().waitFor();
    // Each recipient's amount is on the card, not a sideways scroll away.
    for (const text of await cards.allInnerTexts()) expect(text).toMatch(/[\d,]+(\.\d{2})?元/);
    expect(await pageWidth(v.page)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(v, 'phone-disclosure-readable');
    await v.page.goto('/#/training');
    const panel = v.page.getByRole('tabpanel');
    expect(await wrappedHeaders(panel)).toEqual([]);
    await v.page.getByRole('tab', { name: '培训机构目录' }).click();
    expect(await wrappedHeaders(v.page.getByRole('tabpanel'))).toEqual([]);
    await checkAndShoot(v, 'phone-training-institutions');
  });

  it('on a phone, a policy’s amounts read under its standard, not squeezed into a column beside it', async () => {
    const v = await walk.as('zh-CN', undefined, PHONE);
    await v.page.goto('/');
    const standard = v.page.getByTestId('policy-public-welfare-post').getByTestId('policy-standard');
    const amount = standard.locator('.policy-parameter').first();
    await amount.waitFor();
    const [text, note] = [await standard.boundingBox(), await amount.boundingBox()];
    expect(Math.abs(note!.x - text!.x)).toBeLessThan(2);
    expect(note!.width).toBeGreaterThan(text!.width / 2);
  });

  it('the back office’s page stands clear of the side menu and within the window', async () => {
    const v = await walk.as('zh-CN', 'clerk');
    await v.page.getByTestId('queue-submitted').waitFor();
    const menu = await v.page.locator('.ant-pro-sider').boundingBox();
    const title = await v.page.getByRole('heading', { name: '工作台' }).boundingBox();
    expect(title!.x - (menu!.x + menu!.width)).toBeGreaterThanOrEqual(16);
    const sideways = await v.page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
    expect(sideways).toBeLessThanOrEqual(0);
  });

  it('on a 1024px laptop, a list’s toolbar wraps rather than run the page past the window', async () => {
    const v = await walk.as('zh-CN', 'clerk', { width: 1024, height: 768 });
    await v.page.goto('/#/employment/cases');
    await v.page.locator('.ant-pro-table-list-toolbar').first().waitFor();
    const sideways = await v.page.evaluate(() => {
      const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
    expect(sideways).toBeLessThanOrEqual(0);
    // A case the 1+3+1 promise does not apply to (a 零就业家庭) shows a dash there, not a blank.
    const titles = await v.page.locator('.ant-table-thead th').allInnerTexts();
    const promise = titles.findIndex((title) => title.includes('1+3+1'));
    const row = v.page.locator('tr.ant-table-row').filter({ hasText: '零就业家庭' }).first();
    expect(await row.locator('td').nth(promise).innerText()).toBe('—');
  });

  it('the back office’s lists break no column title and no amount across lines', async () => {
    const v = await walk.as('zh-CN', 'finance');
    await v.page.goto('/#/finance/payments');
    await v.page.getByTestId('create-batches').click();
    const row = v.page
      .locator('tr.ant-table-row')
      .filter({ hasText: /PB-\d{6}-\d{8}-\d{5}/ })
      .first();
    await row.waitFor();
    const table = v.page.locator('.ant-table').filter({ has: row });
    expect(await wrappedHeaders(table)).toEqual([]);
    const amount = row.locator('td').filter({ hasText: /元$/ }).first();
    expect(await lines(amount)).toBe(1);
    await checkAndShoot(v, 'finance-batches-readable');
  });

  let claimPath = '';
  it('an applicant who has filed is told it waits to be accepted, and by when', async () => {
    const v = await walk.as('zh-CN', 'lina', PHONE);
    // Nothing offered yet: the empty list says how offers come, and where else to look.
    await v.page.goto('/#/my/offers');
    await expect.poll(() => v.page.getByTestId('offers-none').innerText()).toContain('会列在这里');
    expect(await v.page.getByTestId('offers-none').innerText()).toContain('政策清单');
    await v.page.goto('/#/my/apply/one-time-job-seeking');
    await v.page.getByTestId('apply-save').click();
    await v.page.getByTestId('evidence').waitFor();
    claimPath = v.page.url().replace(/^.*#/, '/#');
    expect(await v.page.getByTestId('next-step').innerText()).toContain('草稿尚未送交经办机构');
    for (let i = 0; await v.page.getByTestId(`evidence-upload-${i}`).count(); i++) {
      const chooser = v.page.waitForEvent('filechooser');
      await v.page.getByTestId(`evidence-upload-${i}`).click();
      await (
        await chooser
      ).setFiles({ name: `材料${i}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await expect.poll(() => v.page.getByTestId('evidence').innerText()).toContain(`材料${i}.pdf`);
    }
    await v.page.getByTestId('action-submit').click();
    await expect.poll(() => stateOf(v.page)).toBe('submitted');
    const note = v.page.getByTestId('next-step');
    await expect.poll(() => note.innerText()).toContain('等待受理');
    expect(await note.innerText()).toMatch(/本环节时限：\d{4}-\d{2}-\d{2}/);
    // Her name and her masked ID number, apart.
    const line = v.page.getByTestId('applicant-line');
    expect(await line.innerText()).toMatch(/李娜\s+\d{6}\*+\d{3}[\dX]/);
    await checkAndShoot(v, 'applicant-next-step-submitted');
  });

  it('rejected, she reads the reviewer’s reason and how to contest it, in either language', async () => {
    const clerk = await walk.as('zh-CN', 'clerk');
    await clerk.page.goto(claimPath);
    await clerk.page.getByTestId('action-accept').click();
    await expect.poll(() => stateOf(clerk.page)).toBe('accepted');
    const reviewer = await walk.as('zh-CN', 'reviewer');
    await reviewer.page.goto(claimPath);
    await reviewer.page.getByTestId('action-reject').click();
    await reviewer.page.getByTestId('action-reason').fill('在校公示结果与学籍信息不一致');
    await confirmAction(reviewer.page);
    await expect.poll(() => stateOf(reviewer.page)).toBe('rejected');
    expect(await reviewer.page.getByTestId('next-step').count(), 'staff are not told the applicant’s next step').toBe(
      0,
    );

    const readIn = async (language: 'zh-CN' | 'en-US'): Promise<Visitor> => {
      const v = await walk.as(language, 'lina', PHONE);
      await v.page.goto(claimPath);
      await expect.poll(() => stateOf(v.page)).toBe('rejected');
      return v;
    };
    const zh = await readIn('zh-CN');
    const note = await zh.page.getByTestId('next-step').innerText();
    expect(note).toContain('理由：在校公示结果与学籍信息不一致');
    expect(note).toContain('行政复议');
    // Nothing left for her to do here, and no empty box where the buttons would be.
    const emptyCards = await zh.page
      .locator('.ant-card-body')
      .evaluateAll((bodies) => bodies.filter((b) => (b as { innerText: string }).innerText.trim() === '').length);
    expect(emptyCards).toBe(0);
    await checkAndShoot(zh, 'applicant-next-step-rejected');
    const en = await readIn('en-US');
    const english = await en.page.getByTestId('next-step').innerText();
    expect(english).toContain('administrative reconsideration');
    // The state's name as a label, not the server's lower-case word.
    expect(await en.page.locator('[data-state]').first().innerText()).toBe('Rejected');
    // The reviewer's own words stay as written.
    expect(english).toContain('Reason: 在校公示结果与学籍信息不一致');
    await checkAndShoot(en, 'applicant-next-step-rejected', ['在校公示结果与学籍信息不一致']);
  });

  it('刘洋, found by the sweep, reads on his phone what he is offered, why, and what confirming does', async () => {
    const en = await walk.as('en-US', 'liuyang', PHONE);
    // He lands on his empty list of applications: it points him to the offer waiting for him.
    await en.page.getByTestId('offers-waiting').getByRole('button').click();
    const card = en.page.getByTestId('offer-one-time-job-seeking');
    await expect.poll(() => card.innerText()).toContain('¥1,500.00');
    // Why: the facts the shared data verified, each with its source.
    await expect.poll(() => card.getByTestId('fact-standing').innerText()).toContain('Graduate records');
    expect(await card.getByTestId('fact-standing').innerText()).toContain('dibao');
    expect(await card.getByTestId('offer-next').innerText()).toContain('submitted in your name');
    // The whole card fits the phone: the buttons are not scrolled off to the side.
    const box = await card.getByTestId('offer-confirm').boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(en, 'applicant-offer');

    const zh = await walk.as('zh-CN', 'liuyang', PHONE);
    // He was told: his messages hold the offer, and open the page where he confirms it.
    await zh.page.goto('/#/my/messages');
    const told = zh.page.getByTestId('message-offered');
    await expect.poll(() => told.innerText()).toContain('可享政策');
    expect(await told.innerText()).toContain('一次性求职补贴');
    // On a phone the buttons sit under the message, the same size, rather than beside it squeezing
    // the text into a narrow column.
    const text = await told.getByTestId('message-text').boundingBox();
    const open = await told.getByRole('link').boundingBox();
    const markRead = await told.getByRole('button', { name: '标为已读' }).boundingBox();
    expect(open?.y ?? 0).toBeGreaterThanOrEqual((text?.y ?? Infinity) + (text?.height ?? 0));
    expect(open?.height).toBe(markRead?.height);
    expect((markRead?.x ?? Infinity) + (markRead?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(zh, 'applicant-offer-message');
    await told.getByRole('link').click();
    const zhCard = zh.page.getByTestId('offer-one-time-job-seeking');
    await expect.poll(() => zhCard.innerText()).toContain('1,500元');
    await expect.poll(() => zhCard.getByTestId('fact-standing').innerText()).toContain('低保家庭成员');
    await checkAndShoot(zh, 'applicant-offer');
    await zhCard.getByTestId('offer-confirm').click();
    // Confirming files and submits the application in his name: he is taken to it.
    await expect.poll(() => stateOf(zh.page)).toBe('submitted');
    expect(await zh.page.getByTestId('next-step').innerText()).toContain('等待受理');
    // The materials were not asked of him online: they are checked at acceptance, not "missing".
    await expect.poll(() => zh.page.getByTestId('evidence-missing-0').innerText()).toContain('受理时由经办机构核验');
  });

  it('a finished sweep offers no “resume”, which has nothing left to do', async () => {
    // Last: the offers it makes would fill the applicant's empty list read above.
    const v = await walk.as('zh-CN', 'supervisor');
    await v.page.goto('/#/supervision/sweeps');
    await v.page.getByRole('button', { name: '开始新的排查' }).click();
    await expect
      .poll(() => v.page.locator('.ant-descriptions').first().innerText(), { timeout: 120_000 })
      .toContain('已完成');
    expect(await v.page.getByRole('button', { name: '从中断处继续' }).count()).toBe(0);
    // The region's sweeps are listed, the demo's own and this one; another is opened from its row.
    const history = v.page.getByTestId('sweep-history');
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    await history.locator('tbody button').first().click();
    await expect.poll(() => v.page.url()).toMatch(/sweep=/);
    await checkAndShoot(v, 'supervisor-sweep-history');
  });
});
