import type { Locator } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { browserWalk, checkAndShoot } from './harness.js';

/**
 * What a person reads, as they read it: on a phone, the public lists scroll sideways rather than
 * squeeze each column to a character a line; the back office's pages keep clear of the side menu;
 * an applicant is told under their claim where it stands, why, and what happens next.
 */
vi.setConfig({ testTimeout: 180_000 });
const walk = browserWalk();
const PHONE = { width: 390, height: 844 };

/** The header titles of a table that wrap onto more than one line. */
async function wrappedHeaders(table: Locator): Promise<string[]> {
  await table.locator('thead th').first().waitFor();
  return table.locator('thead th').evaluateAll((cells) =>
    cells
      .filter((th) => {
        const range = th.ownerDocument.createRange();
        range.selectNodeContents(th);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return tops.size > 1;
      })
      .map((th) => th.textContent ?? ''),
  );
}

describe('reading the pages', () => {
  it('on a phone, the recipients list and the training catalogues keep each title on one line', async () => {
    const v = await walk.as('zh-CN', undefined, PHONE);
    await v.page.goto('/#/gongshi');
    const disclosure = v.page.getByTestId('disclosure-table');
    await disclosure.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await wrappedHeaders(disclosure)).toEqual([]);
    // The last columns (the amount, the date) are reached by scrolling the table sideways.
    const scroller = disclosure.locator('.ant-table-content');
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    await checkAndShoot(v, 'phone-disclosure-readable');
    await v.page.goto('/#/training');
    const panel = v.page.getByRole('tabpanel');
    expect(await wrappedHeaders(panel)).toEqual([]);
    await v.page.getByRole('tab', { name: '培训机构目录' }).click();
    expect(await wrappedHeaders(v.page.getByRole('tabpanel'))).toEqual([]);
    await checkAndShoot(v, 'phone-training-institutions');
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
});
