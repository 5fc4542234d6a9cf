import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { readTable } from '../../server/src/registry/import/tabular.js';
import {
  checkAndShoot,
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
 * the applicant's ID number, steps through a filtered list with next and previous, and exports the
 * filtered rows to Excel; every row shows the amount the engine decided. In both languages, every
 * page checked and photographed.
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

/** An application in the clerk's county and its applicant's whole ID number (read as the server would). */
let target: { number: string; idNumber: string };

beforeAll(async () => {
  platform = await startPlatform();
  const { db } = platform.app.database;
  const row = await db
    .selectFrom('application')
    .innerJoin('person', 'person.id', 'application.person_id')
    .select(['application.number', 'person.id_number_cipher'])
    .where('application.region_code', '=', '510104')
    .where('application.state', '=', 'submitted')
    .orderBy('application.number')
    .executeTakeFirstOrThrow();
  target = { number: row.number, idNumber: platform.app.vault.decrypt(row.id_number_cipher) };
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
  'zh-CN': { review: '受理审核', registry: '人员库', workbench: '工作台' },
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
