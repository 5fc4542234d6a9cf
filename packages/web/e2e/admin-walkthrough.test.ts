import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_SCHOOL } from '../../server/src/demo/demo-training.js';
import { sheetRows, workbook } from '../../server/src/testing/sheets.js';
import { browserWalk, checkAndShoot, chooseOption, pageWidth, type Language, type Visitor } from './harness.js';

/**
 * The administration pages in a real browser (issue 16, item 5): the administrator creates a staff
 * account within the separation rules, moves it to another county (a forbidden pair of posts is
 * refused by name), and reads the working-day calendar; the auditor reads that move and a loan's
 * events by name; the clerk exports the training catalogue, adds a row and imports it back; the parameter officer
 * sets a region's standard, typed in 元, and sees it in force with its basis beside the text's;
 * the auditor finds that change in the audit trail and verifies the chain; the clerk reads the
 * reference data loaded. Every page in both languages is checked for raw values and photographed.
 */
vi.setConfig({ testTimeout: 120_000 });
const walk = browserWalk();

const TEXT: Record<
  Language,
  {
    clerk: string;
    finance: string;
    county: string;
    standard: string;
    setting: string;
    parameterSet: string;
    rolesChanged: string;
    compensated: string;
    occupation: string;
  }
> = {
  'zh-CN': {
    clerk: '受理员',
    finance: '财务拨付员',
    county: '青羊区',
    standard: '职业技能培训补贴标准',
    setting: '本地设置',
    parameterSet: '设置参数',
    rolesChanged: '调整岗位',
    compensated: '担保基金代偿',
    occupation: '茶艺师',
  },
  'en-US': {
    clerk: 'Clerk',
    finance: 'Finance officer',
    county: 'Qingyang',
    standard: 'Vocational training subsidy',
    setting: 'Local setting',
    parameterSet: 'Parameter set',
    rolesChanged: 'Posts changed',
    compensated: 'Paid by the guarantee fund',
    occupation: '美发师',
  },
};

/** An id as the database keeps it: the audit page must show the record's name instead. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Picks an option of an antd select by its visible text, typed first: long lists render only what is in view. */
async function choose(v: Visitor, testId: string, option: string): Promise<void> {
  const select = v.page.getByTestId(testId);
  // On a loaded machine the click can land while the list is still filtering: try again until the
  // select shows the choice (checked before each try, so a multiple select is never toggled back).
  await vi.waitFor(
    async () => {
      if ((await select.innerText()).includes(option)) return;
      await select.click();
      await select.locator('input').first().fill(option);
      await v.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .first()
        .click({ timeout: 5_000 });
      await expect.poll(() => select.innerText(), { timeout: 2_000 }).toContain(option);
    },
    { timeout: 30_000, interval: 200 },
  );
}

for (const [n, language] of (['zh-CN', 'en-US'] as const).entries()) {
  describe(`administration (${language})`, () => {
    const username = `newclerk${n}`;

    it('the administrator creates a clerk’s account', async () => {
      const v = await walk.as(language, 'admin');
      await v.page.getByTestId('accounts-table').waitFor();
      await v.page.getByTestId('account-create').click();
      const dialog = v.page.locator('.ant-modal:visible');
      await dialog.locator('#username').fill(username);
      await dialog.locator('#displayName').fill(language === 'zh-CN' ? '锦江区受理员 新同事' : 'New clerk');
      await choose(v, 'account-roles', TEXT[language].clerk);
      await v.page.keyboard.press('Escape');
      await choose(v, 'account-region', language === 'zh-CN' ? '锦江区' : 'Jinjiang');
      await dialog.locator('#idNumber').fill(idNumber('1990-03-0' + String(n + 1)));
      await dialog.locator('#password').fill('First-pass-2026');
      await checkAndShoot(v, 'admin-account-create');
      await dialog.locator('button[type="submit"], .ant-btn-primary').last().click();
      await expect.poll(() => v.page.getByTestId('account-done').count()).toBe(1);
      await expect.poll(() => v.page.getByTestId('accounts-table').innerText()).toContain(username);
      await checkAndShoot(v, 'admin-accounts', [username]);
    });

    it('the administrator moves that clerk to another county; posts the rules forbid are refused by name', async () => {
      const v = await walk.as(language, 'admin');
      await expect.poll(() => v.page.getByTestId('accounts-table').innerText()).toContain(username);
      // The administrator's own row offers no change of posts.
      expect(await v.page.getByTestId('roles-admin').count()).toBe(0);
      await v.page.getByTestId(`roles-${username}`).click();
      const dialog = v.page.locator('.ant-modal:visible');
      await choose(v, 'change-roles', TEXT[language].finance);
      await v.page.keyboard.press('Escape');
      await dialog.locator('.ant-btn-primary').last().click();
      // Said in the dialog, under the roles it refuses, not behind the dialog's overlay.
      const roles = dialog.locator('.ant-form-item', { has: v.page.getByTestId('change-roles') });
      await expect.poll(() => roles.locator('.ant-form-item-explain').innerText()).toContain(TEXT[language].finance);
      expect(await roles.locator('.ant-form-item-explain').innerText()).toContain(TEXT[language].clerk);
      await checkAndShoot(v, 'admin-account-roles-refused', [username]);
      await dialog.locator('.ant-modal-close').click();
      await expect.poll(() => v.page.locator('.ant-modal:visible').count()).toBe(0);

      await v.page.getByTestId(`roles-${username}`).click();
      await choose(v, 'change-region', TEXT[language].county);
      await v.page.locator('.ant-modal:visible .ant-btn-primary').last().click();
      await expect.poll(() => v.page.getByTestId('account-done').count()).toBe(1);
      const row = v.page.locator('[data-testid="accounts-table"] tr').filter({ hasText: username });
      await expect.poll(() => row.innerText()).toContain(TEXT[language].county);
      expect(await row.innerText()).not.toContain(TEXT[language].finance);
      await checkAndShoot(v, 'admin-account-roles-changed', [username]);
    });

    it('the auditor reads the move and a loan’s events by name, with no id as the main text', async () => {
      const v = await walk.as(language, 'auditor');
      await v.page.goto('/#/supervision/audit');
      const rows = v.page.locator('tbody tr.ant-table-row');
      await choose(v, 'audit-action', TEXT[language].rolesChanged);
      await v.page.getByTestId('audit-search').click();
      // Newest first: this language's move (the other walk made one too).
      // The list shown before the search has rows too: wait for the searched one.
      await expect
        .poll(() => rows.first().innerText())
        .toContain(language === 'zh-CN' ? '锦江区受理员 新同事' : 'New clerk');
      const moved = await rows.first().innerText();
      expect(moved).toContain(TEXT[language].county);
      expect(await v.page.locator('tbody').innerText()).not.toMatch(UUID);
      await checkAndShoot(v, 'admin-audit-roles-changed');

      await choose(v, 'audit-action', TEXT[language].compensated);
      await v.page.getByTestId('audit-search').click();
      await expect.poll(() => rows.first().innerText()).toContain(TEXT[language].compensated);
      const loan = /DB\d{6}-\d{4}-\d{5}/.exec(await rows.first().innerText())?.[0] ?? '';
      expect(loan).not.toBe('');
      expect(await v.page.locator('tbody').innerText()).not.toMatch(UUID);
      // Every field by its label: no field's code (compensatedOn) in the words.
      expect(await v.page.locator('tbody').innerText()).not.toMatch(/\b[a-z]+[A-Z]\w*\b/);
      // The loan's whole story, from the application to the guarantee fund paying the bank.
      await rows.first().locator('.ant-table-row-expand-icon').click();
      await v.page.locator('[data-testid^="audit-history-"]').first().click();
      await expect.poll(() => rows.count()).toBeGreaterThan(3);
      for (const text of await rows.allInnerTexts()) expect(text).toContain(loan);
      await checkAndShoot(v, 'admin-audit-loans');
    });

    it('the clerk exports the training catalogue, adds a row and imports it back; every error is named', async () => {
      const v = await walk.as(language, 'clerk');
      await v.page.goto('/#/training/catalogues');
      await v.page.getByTestId('export-items').waitFor();
      const downloading = v.page.waitForEvent('download');
      await v.page.getByTestId('export-items').click();
      const exported = await sheetRows(readFileSync((await (await downloading).path()) ?? ''));
      const [header = [], model = []] = exported;
      // A new row like the first, with no catalogue number: the county's own item.
      const row = (cells: Record<number, string>) => model.map((c, i) => cells[i] ?? (i >= 10 ? '' : c));
      const upload = async (rows: string[][]) => {
        if ((await v.page.getByTestId('catalogue-upload').count()) === 0)
          await v.page.getByTestId('import-items').click();
        // The dragger's own file input: what choosing a file in the dialog fills.
        await v.page.getByTestId('catalogue-upload').setInputFiles({
          name: 'catalogue.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await workbook(header, [...exported.slice(1), ...rows]),
        });
      };
      await upload([row({ 0: '510104', 1: TEXT[language].occupation, 4: '12.345', 5: '0', 8: '2026-02-30' })]);
      const error = v.page.getByTestId('error');
      await expect.poll(() => error.locator('li').count()).toBe(3);
      // Each column by its name in the page's language, not by the template's header with its key.
      const columns =
        language === 'zh-CN' ? ['补贴标准（元）', '课时', '生效日期'] : ['Standard (yuan)', 'Hours', 'Valid from'];
      for (const column of columns) expect(await error.innerText()).toContain(column);
      expect(await error.innerText()).not.toMatch(/\((standard|hours|validFrom)\)/);
      if (language === 'en-US') expect(await error.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
      await checkAndShoot(v, 'admin-catalogue-import-errors', header);

      await upload([row({ 0: '510104', 1: TEXT[language].occupation, 4: '900', 5: '60', 8: '2026-12-01' })]);
      await expect.poll(() => v.page.locator('.ant-table').first().innerText()).toContain(TEXT[language].occupation);
      expect(await v.page.getByTestId('error').count()).toBe(0);
      await checkAndShoot(v, 'admin-catalogue-imported');
    });

    it('the administrator reads the working-day calendar', async () => {
      const v = await walk.as(language, 'admin');
      await v.page.goto('/#/admin/calendar');
      await expect.poll(() => v.page.getByTestId('calendar-holidays').innerText()).toMatch(/\d{4}-10-01/);
      // Every year loaded since 2004 is offered, and the page still fits the window.
      const sideways = await v.page.evaluate(() => {
        const w = globalThis as unknown as {
          innerWidth: number;
          document: { documentElement: { scrollWidth: number } };
        };
        return w.document.documentElement.scrollWidth - w.innerWidth;
      });
      expect(sideways).toBeLessThanOrEqual(0);
      await checkAndShoot(v, 'admin-calendar');
    });

    it('the parameter officer sets a region’s standard in 元, and it is in force with its basis', async () => {
      const v = await walk.as(language, 'policy');
      await expect.poll(() => new URL(v.page.url()).hash).toBe('#/admin/parameters');
      // A search that finds nothing says so, with the words searched, not antd's bare 暂无数据.
      await v.page.getByTestId('parameter-find').locator('input').fill('zz-none');
      await v.page.getByTestId('parameter-find').locator('input').press('Enter');
      await expect
        .poll(() => v.page.getByTestId('parameters-table').innerText())
        .toContain(language === 'zh-CN' ? '没有与“zz-none”相符的记录' : 'Nothing matches “zz-none”');
      await v.page.getByTestId('parameter-find').locator('input').fill(TEXT[language].standard);
      await v.page.getByTestId('parameter-find').locator('input').press('Enter');
      const row = v.page.locator('[data-testid="parameters-table"] tr[data-row-key="vocational-training.standard"]');
      await expect.poll(() => row.innerText()).toContain(TEXT[language].standard);
      await checkAndShoot(v, 'admin-parameters');
      await v.page.getByTestId('set-vocational-training.standard').click();
      const dialog = v.page.locator('.ant-modal:visible');
      await v.page.getByTestId('parameter-value').fill(String(1800 + n * 100));
      await v.page
        .getByTestId('parameter-note')
        .fill(language === 'zh-CN' ? '成人社发〔2026〕1号' : 'Chengdu notice 2026 No. 1');
      await dialog.locator('.ant-btn-primary').last().click();
      await v.page.getByTestId('parameter-saved').waitFor();
      // Said for the region it was set for (the officer's city), and gone once another is chosen.
      expect(await v.page.getByTestId('parameter-saved').innerText()).toContain(
        language === 'zh-CN' ? '成都市' : 'Chengdu',
      );
      const amount = language === 'zh-CN' ? '1,800元' : '¥1,900.00';
      await expect.poll(() => row.innerText()).toContain(amount);
      expect(await row.innerText()).toContain(TEXT[language].setting);
      await row.locator('.ant-table-row-expand-icon').click();
      await expect.poll(() => v.page.locator('.ant-table-expanded-row').innerText()).toContain(TEXT[language].setting);
      await checkAndShoot(v, 'admin-parameter-set');
      await chooseOption(v, 'parameter-region', TEXT[language].county, { search: true });
      await expect.poll(() => v.page.getByTestId('parameter-saved').count()).toBe(0);
    });

    it('the auditor finds the change in the audit trail and the chain is intact', async () => {
      const v = await walk.as(language, 'auditor');
      await v.page.goto('/#/supervision/audit');
      await choose(v, 'audit-action', TEXT[language].parameterSet);
      await v.page.getByTestId('audit-search').click();
      const rows = v.page.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.first().innerText()).toContain(TEXT[language].parameterSet);
      // A search that finds nothing says what to try, and its reset brings the whole trail back.
      await v.page.getByTestId('audit-actor').fill('zz-nobody');
      await v.page.getByTestId('audit-search').click();
      await expect
        .poll(() => v.page.getByTestId('audit-empty').innerText())
        .toContain(language === 'zh-CN' ? '没有符合这些条件的审计记录' : 'No audit entries match these conditions');
      // Nothing to page through, so no page number under it.
      expect(await v.page.getByTestId('audit-page-number').count()).toBe(0);
      await v.page.getByTestId('audit-empty-reset').click();
      await expect.poll(() => rows.count()).toBeGreaterThan(1);
      expect(await v.page.getByTestId('audit-actor').inputValue()).toBe('');
      // The older page is numbered and shown from the top, not from the buttons below it.
      const newest = await rows.first().getAttribute('data-row-key');
      await v.page.getByTestId('audit-older').click();
      await expect
        .poll(() => v.page.getByTestId('audit-page-number').innerText())
        .toBe(language === 'zh-CN' ? '第 2 页' : 'Page 2');
      await expect.poll(() => rows.first().getAttribute('data-row-key')).not.toBe(newest);
      await expect.poll(() => v.page.evaluate('window.scrollY')).toBe(0);
      await v.page.getByTestId('audit-newer').click();
      await expect.poll(() => rows.first().getAttribute('data-row-key')).toBe(newest);
      // From the whole trail, the officer is found by her name alone, as it records her under her title.
      await v.page.getByTestId('audit-actor').fill('郑洁');
      await v.page.getByTestId('audit-search').click();
      await expect
        .poll(async () => {
          const actors = await rows.allInnerTexts();
          return actors.length > 0 && actors.every((row) => row.includes('市就业局政策参数管理员 郑洁'));
        })
        .toBe(true);
      await v.page.getByTestId('audit-verify').click();
      await v.page.getByTestId('audit-verification').waitFor();
      expect(await v.page.getByTestId('audit-verification').getAttribute('class')).toContain('success');
      await checkAndShoot(v, 'admin-audit');
      // The result is said again in the language switched to, without walking the chain again.
      const other =
        language === 'zh-CN'
          ? { label: 'English', says: 'The hash chain is intact' }
          : { label: '中文', says: '哈希链完整' };
      await v.page.getByTestId('language').getByText(other.label).click();
      await expect.poll(() => v.page.getByTestId('audit-verification').innerText()).toContain(other.says);
      await v.page
        .getByTestId('language')
        .getByText(language === 'zh-CN' ? '中文' : 'English')
        .click();
    });

    it('the auditor reads execution by region and fund, and opens the payments behind a figure', async () => {
      const v = await walk.as(language, 'auditor');
      await v.page.goto('/#/supervision/dashboard');
      const rows = v.page.locator('[data-testid="execution-table"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      await expect.poll(() => v.page.getByTestId('chart-rate').locator('text').count()).toBeGreaterThan(0);
      await checkAndShoot(v, 'admin-dashboard');
      // A row with money spent: its list holds the payments, each with its application.
      const executed = await rows.locator('td:nth-child(4)').allInnerTexts();
      const spent = executed.findIndex((text) => /[1-9]/.test(text));
      expect(spent).toBeGreaterThanOrEqual(0);
      await rows.nth(spent).locator('button').click();
      const items = v.page.locator('[data-testid="execution-items"] tbody tr.ant-table-row');
      await expect.poll(() => items.count()).toBeGreaterThan(0);
      expect(await items.first().locator('a').count()).toBe(1);
      await checkAndShoot(v, 'admin-dashboard-drill');
    });

    it('the clerk reads the reference data loaded', async () => {
      const v = await walk.as(language, 'clerk');
      await v.page.goto('/#/registry/reference-data');
      await v.page.getByTestId('reference-table').waitFor();
      await checkAndShoot(v, 'admin-reference-data');
    });

    it('on a phone, the dashboard and the reference data stay within the screen', async () => {
      const phone = { width: 390, height: 844 };
      const v = await walk.as(language, 'auditor', phone);
      await v.page.goto('/#/supervision/dashboard');
      const rows = v.page.locator('[data-testid="execution-table"] tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      // Wide tables scroll inside their card; the page, and the header's log-out with it, do not.
      expect(await pageWidth(v.page)).toBeLessThanOrEqual(phone.width);
      await checkAndShoot(v, 'admin-dashboard-phone');
      await v.page.goto('/#/registry/reference-data');
      await v.page.getByTestId('reference-table').waitFor();
      expect(await pageWidth(v.page)).toBeLessThanOrEqual(phone.width);
    });
  });
}

describe('the training school lands on its classes, not on an empty list of applications', () => {
  for (const language of ['zh-CN', 'en-US'] as const) {
    it(`in ${language}`, async () => {
      const v = await walk.as(language, DEMO_SCHOOL.username);
      await expect.poll(() => new URL(v.page.url()).hash).toBe('#/training/classes');
      await v.page.getByTestId('open-class').waitFor();
      await checkAndShoot(v, 'school-landing');
    });
  }
});

describe('on a narrow screen the side menu folds to its jobs’ icons', () => {
  it('each group shows an icon, not the first character of its name', async () => {
    const v = await walk.as('zh-CN', 'auditor', { width: 770, height: 900 });
    await expect.poll(() => v.page.locator('.ant-pro-sider').count()).toBe(1);
    const titles = v.page.locator('.ant-pro-sider .ant-menu-submenu-title');
    await expect.poll(() => titles.count()).toBeGreaterThan(0);
    expect(await titles.locator('.anticon').count()).toBe(await titles.count());
    await checkAndShoot(v, 'narrow-menu');
  });
});
