import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { expectOk, login as apiLogin } from '../../server/src/testing/fixtures.js';
import { browserWalk, checkAndShoot } from './harness.js';

/**
 * 随机抽查 (双随机), in a real browser: the province's supervisor draws the day's sample once; the
 * page then shows that draw as the one that stands and will draw again only with a reason, which
 * it shows beside the second draw while the first stays on the page.
 */
vi.setConfig({ testTimeout: 120_000 });
const walk = browserWalk();
const REASON = '原选派的检查人员须回避，经集体研究同意重新抽取';

describe('the day’s spot check', () => {
  it('is drawn once; drawing again asks for a reason and keeps the first draw in view', async () => {
    const v = await walk.as('zh-CN', 'supervisor');
    await v.page.goto('/#/supervision/spot-checks');
    await expect.poll(() => v.page.getByTestId('spot-status').innerText()).toContain('尚未抽取');
    expect(await v.page.locator('#spot-reason').count()).toBe(0);
    await v.page.getByTestId('spot-draw').click();
    await v.page.getByTestId('spot-first').waitFor();
    await expect.poll(() => v.page.getByTestId('spot-status').innerText()).toContain('以第一次抽取为准');

    // The button to draw again stays off until there is a reason of some substance.
    const again = v.page.getByTestId('spot-draw');
    expect(await again.innerText()).toContain('重新抽取');
    expect(await again.isDisabled()).toBe(true);
    await v.page.locator('#spot-reason').fill('  重抽 ');
    expect(await again.isDisabled()).toBe(true);
    await v.page.locator('#spot-reason').fill(REASON);
    expect(await again.isDisabled()).toBe(false);
    await again.click();
    await v.page.getByTestId('spot-redraw').waitFor();
    expect(await v.page.getByTestId('spot-reason-shown').innerText()).toBe(REASON);
    expect(await v.page.getByTestId('spot-first').count()).toBe(1);
    await checkAndShoot(v, 'supervisor-spot-checks');

    // Both draws are kept in the list of past draws, the redraw newest; it opens with its reason.
    const history = v.page.getByTestId('spot-history');
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await history.locator('tbody tr.ant-table-row').first().innerText()).toContain('重新抽取');
    await history.locator('tbody tr.ant-table-row').first().getByRole('button').click();
    const drawer = v.page.locator('.ant-drawer');
    await expect.poll(() => drawer.innerText()).toContain(REASON);
    await checkAndShoot(v, 'supervisor-spot-check-history');
    await v.page.keyboard.press('Escape');
    await expect.poll(() => v.page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('reads the same in English, with the reason in the words it was given', async () => {
    const en = await walk.as('en-US', 'supervisor');
    await en.page.goto('/#/supervision/spot-checks');
    await en.page.getByTestId('spot-redraw').waitFor();
    expect(await en.page.getByTestId('spot-status').innerText()).toContain('the first draw stands');
    expect(await en.page.getByTestId('spot-first').locator('.ant-card-head').innerText()).toContain('First draw');
    await checkAndShoot(en, 'supervisor-spot-checks', [REASON]);
  });

  it('an inspector finds the items drawn for them and records each outcome once, with what was checked', async () => {
    // The inspectors are drawn at random: walk as one the day's draws gave an item to.
    type Assigned = { inspections: { itemId: string; applicationNumber: string; outcome?: string }[] };
    let inspector = '';
    let number = '';
    let item = '';
    for (const username of ['auditor', 'supervisor']) {
      const res = await (
        await apiLogin(walk.platform.app, username, DEMO_PASSWORD)
      ).request('GET', '/api/v1/spot-checks/assigned');
      expectOk(res);
      const open = res.json<Assigned>().inspections.find((i) => i.outcome === undefined);
      if (open) {
        inspector = username;
        number = open.applicationNumber;
        item = open.itemId;
        break;
      }
    }
    expect(number).not.toBe('');
    const v = await walk.as('zh-CN', inspector);
    await v.page.goto('/#/supervision/spot-checks');
    const mine = v.page.getByTestId('my-inspections');
    await mine.getByTestId(`inspect-${item}`).click();
    // Nothing chosen, nothing said: both are asked for, and nothing is recorded.
    await v.page.locator('#inspection-save').click();
    await v.page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
    expect(await v.page.locator('.ant-modal .ant-form-item-explain-error').count()).toBe(2);
    await v.page.getByLabel('发现问题').check();
    await v.page.locator('#inspection-note').fill('实地核查：培训证书与本人不符');
    await v.page.locator('#inspection-save').click();
    await v.page.locator('.ant-message').getByText(`已记录核查结果：${number}`).waitFor();
    const row = mine.locator(`tr[data-row-key="${item}"]`);
    await expect.poll(() => row.innerText()).toContain('实地核查：培训证书与本人不符');
    expect(await row.getByRole('button').count()).toBe(0);
    await checkAndShoot(v, 'inspector-spot-checks');
  });
});
