import { addDays } from '@huimin/policy';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { DEMO_EMPLOYER } from '../../server/src/demo/demo-labour-market.js';
import { todayInShanghai } from '../../server/src/http/today.js';
import { applicant, expectOk, login as apiLogin, PASSWORD } from '../../server/src/testing/fixtures.js';
import { browserWalk, checkAndShoot, login, type Language, type Visitor } from './harness.js';

/**
 * The labour market in a real browser (issue 19, "Done when"): the demo employer posts a job — a
 * discriminatory requirement is refused on the spot, naming the words — and the clerk returns the
 * next version for a requirement the rules do not catch; the employer corrects it and the clerk
 * publishes it; an unemployed graduate finds it on the job board at phone size and saves a job
 * search that matches it; the case worker refers them; the employer records the hire, and the
 * graduate's employment registration shows on their own page. Every page in both languages.
 */
vi.setConfig({ testTimeout: 120_000 });
const walk = browserWalk();
const TITLE = '电焊工（走查岗位）';
const GRADUATE = { name: '求职毕业生', idNumber: idNumber('2003-08-08', 'female', '510104'), username: 'lm-graduate' };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  const { app } = walk.platform;
  // A graduate of last year, registered unemployed a month ago (so an assistance case is open), with an account.
  const graduate = await applicant(app, { kind: 'person', regionCode: '510104', ...GRADUATE });
  const me = (await graduate.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account;
  const clerk = await apiLogin(app, 'clerk', DEMO_PASSWORD);
  const today = todayInShanghai();
  const graduated = `${Number(today.slice(0, 4)) - 1}-06-30`;
  expectOk(
    await clerk.request('POST', `/api/v1/people/${me.personId}/facts`, {
      kind: 'graduation',
      data: { date: graduated, institution: 'university' },
    }),
    201,
  );
  expectOk(
    await clerk.request('POST', '/api/v1/employment-services/registrations', {
      personId: me.personId,
      kind: 'unemployment',
      regionCode: '510104',
      basis: 'residence',
      community: '春熙路街道',
      startsOn: addDays(today, -30),
    }),
    201,
  );
}, 180_000);

async function choose(v: Visitor, selectId: string, option: string): Promise<void> {
  await v.page.locator(`#${selectId}`).click();
  await v.page.locator(`#${selectId}`).fill(option);
  await v.page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** The graduate's own account was made with the test password, not the demo one. */
async function asGraduate(language: Language, viewport?: { width: number; height: number }): Promise<Visitor> {
  const v = await walk.as(language, undefined, viewport);
  await login(v, GRADUATE.username, PASSWORD);
  return v;
}

/**
 * Opens a page once the login has landed: the login page moves on to the account's landing page
 * after the header shows who is in, and a page opened before that would be left again.
 */
async function go(v: Visitor, path: string): Promise<void> {
  await v.page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await v.page.goto(path);
}

function card(v: Visitor, text: string) {
  return v.page.getByTestId('posting').filter({ hasText: text }).first();
}

describe('a job from posting to hire (zh-CN)', () => {
  let employer: Visitor, clerk: Visitor;

  it('the employer posts; a discriminatory requirement is refused naming the words and the law', async () => {
    employer = await walk.as('zh-CN', DEMO_EMPLOYER.username);
    const { page } = employer;
    await go(employer, '/#/my/postings');
    await page.getByTestId('new-posting').click();
    await page.locator('#posting-title').fill(TITLE);
    await choose(employer, 'posting-occupation', '焊工');
    await page.locator('#posting-pay-min').fill('5000');
    await page.locator('#posting-pay-max').fill('7000');
    await page.locator('#posting-place').fill('锦江区工业园焊接车间');
    await page.locator('#posting-requirements').fill('限男性，35周岁以下');
    await page.locator('#posting-contact').fill('人事部 028-80000000');
    await page.getByTestId('posting-submit').click();
    const error = page.getByTestId('error');
    await expect.poll(() => error.innerText()).toContain('限男性');
    expect(await error.innerText()).toContain('就业促进法');
    expect(await error.innerText()).toContain('35周岁以下');
    await checkAndShoot(employer, 'labour-posting-refused-words');
    // A requirement the rule list does not know: it goes to the clerk.
    await page.locator('#posting-requirements').fill('身高175厘米以上，形象好');
    await page.getByTestId('posting-submit').click();
    await card(employer, TITLE).waitFor();
    expect(await page.getByText('待审核').first().isVisible()).toBe(true);
  });

  it('the clerk returns it with a reason; the employer corrects it; the clerk publishes it', async () => {
    clerk = await walk.as('zh-CN', 'clerk');
    await go(clerk, '/#/employment/labour-market');
    const waiting = card(clerk, TITLE);
    await waiting.waitFor();
    await checkAndShoot(clerk, 'labour-review');
    await waiting.getByTestId('return').click();
    await clerk.page
      .locator('#return-reason')
      .fill('“身高175厘米以上，形象好”与焊工岗位无关，请删除（《就业促进法》第三条）');
    await clerk.page.locator('#confirm-return').click();
    await expect.poll(() => card(clerk, TITLE).count()).toBe(0);

    await employer.page.reload();
    const returned = employer.page.getByTestId('refusal').filter({ hasText: '与焊工岗位无关' });
    await returned.waitFor();
    await checkAndShoot(employer, 'labour-posting-returned');
    await card(employer, TITLE).getByTestId('correct-posting').click();
    await employer.page.locator('#posting-requirements').fill('持焊工职业技能等级证书者优先，能适应倒班');
    await employer.page.getByTestId('posting-submit').click();
    await expect.poll(() => returned.count()).toBe(0);

    await clerk.page.reload();
    await card(clerk, TITLE).getByTestId('publish').click();
    await expect.poll(() => card(clerk, TITLE).count()).toBe(0);
  });

  it('the graduate finds it on the phone-size board and saves a job search that matches it', async () => {
    const graduate = await asGraduate('zh-CN', PHONE);
    const { page } = graduate;
    await go(graduate, '/#/jobs');
    await page.locator('#board-q').fill('焊工');
    await page.getByTestId('board-search').click();
    await card(graduate, TITLE).waitFor();
    // Nothing wider than the phone: the card is read without scrolling sideways.
    const width = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
          .scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(graduate, 'labour-board-phone');
    await page.goto('/#/my/jobs');
    await choose(graduate, 'seeker-occupations', '焊工');
    await page.keyboard.press('Escape');
    await page.locator('#seeker-pay').fill('5000');
    await page.getByTestId('save-profile').click();
    await card(graduate, TITLE).waitFor();
    expect(await page.getByTestId('reasons').first().innerText()).toContain('同一职业');
    await checkAndShoot(graduate, 'labour-my-jobs-phone');
  });

  it('the case worker refers the graduate; the employer records the hire; the employment is registered', async () => {
    const caseWorker = await walk.as('zh-CN', 'caseworker');
    await go(caseWorker, '/#/employment/labour-market');
    await caseWorker.page.getByRole('tab', { name: '求职者' }).click();
    await caseWorker.page.getByTestId(`matches-${GRADUATE.name}`).click();
    const match = caseWorker.page.locator('.ant-drawer .ant-card').filter({ hasText: TITLE }).first();
    await match.waitFor();
    await match.getByTestId('refer').click();
    await match.getByText('已推荐').waitFor();
    await checkAndShoot(caseWorker, 'labour-refer');

    await employer.page.reload();
    const row = employer.page.locator('tr').filter({ hasText: GRADUATE.name }).first();
    await row.getByTestId('hire').click();
    await row.getByTestId('registered').waitFor();
    await checkAndShoot(employer, 'labour-hired');

    const graduate = await asGraduate('zh-CN');
    await go(graduate, '/#/my/employment');
    await graduate.page.getByText('就业登记').first().waitFor();
    await checkAndShoot(graduate, 'labour-employment-registered');
  });
});

describe('the same pages in English', () => {
  it('the board, a job search, a unit’s jobs and the desk read in English', async () => {
    const board = await walk.as('en-US', undefined, PHONE);
    await go(board, '/#/jobs');
    await board.page.getByTestId('posting').first().waitFor();
    await checkAndShoot(board, 'labour-board-phone');
    const employer = await walk.as('en-US', DEMO_EMPLOYER.username);
    await go(employer, '/#/my/postings');
    await employer.page.getByTestId('posting').first().waitFor();
    await checkAndShoot(employer, 'labour-my-postings');
    const clerk = await walk.as('en-US', 'clerk');
    await go(clerk, '/#/employment/labour-market');
    await clerk.page.getByRole('tab', { name: 'Job seekers' }).click();
    await clerk.page.locator('.ant-table-row').first().waitFor();
    await checkAndShoot(clerk, 'labour-desk-seekers');
    const graduate = await asGraduate('en-US');
    await go(graduate, '/#/my/jobs');
    await graduate.page.getByTestId('save-profile').waitFor();
    await checkAndShoot(graduate, 'labour-my-jobs');
  });
});
