import { addDays } from '@huimin/policy';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { DEMO_EMPLOYER } from '../../server/src/demo/demo-labour-market.js';
import { applicant, expectOk, login as apiLogin, PASSWORD, TestClock } from '../../server/src/testing/fixtures.js';
import { workbook } from '../../server/src/testing/sheets.js';
import { demoUnits, shanghaiMinute, SHEET_HEADER } from './labour-market-walk.js';
import {
  browserWalk,
  chooseOption,
  checkAndShoot,
  confirmAction,
  login,
  pageWidth,
  type Language,
  type Visitor,
} from './harness.js';

/**
 * The labour market in a real browser (issue 19, "Done when"): the demo employer posts a job — a
 * discriminatory requirement is refused on the spot, naming the words — and the clerk returns the
 * next version for a requirement the rules do not catch; the employer corrects it and the clerk
 * publishes it; an unemployed graduate finds it on the job board at phone size and saves a job
 * search that matches it; the case worker refers them; the employer records the hire, and the
 * graduate's employment registration shows on their own page. Every page in both languages.
 */
vi.setConfig({ testTimeout: 120_000 });
// The server's clock, started at now: a live stream's results are entered once it is over, two hours on.
const clock = TestClock.at(new Date().toISOString());
const walk = browserWalk({ clock });
const TITLE = '电焊工（走查岗位）';
const GRADUATE = { name: '求职毕业生', idNumber: idNumber('2003-08-08', 'female', '510104'), username: 'lm-graduate' };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  const { app } = walk.platform;
  // A graduate of last year, registered unemployed a month ago (so an assistance case is open), with an account.
  const graduate = await applicant(app, { kind: 'person', regionCode: '510104', ...GRADUATE });
  const me = (await graduate.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account;
  const clerk = await apiLogin(app, 'clerk', DEMO_PASSWORD);
  const today = clock.today();
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

/** The clerk refers the graduate to an open demo job other than the walk's own: its title. */
async function referGraduateElsewhere(): Promise<string> {
  const { app } = walk.platform;
  const clerk = await apiLogin(app, 'clerk', DEMO_PASSWORD);
  const jobs = (await clerk.request('GET', '/api/v1/labour-market/jobs?region=510104')).json<{
    postings: { id: string; title: string }[];
  }>().postings;
  const job = jobs.find((p) => p.title !== TITLE);
  const seeker = (await clerk.request('GET', '/api/v1/labour-market/seekers'))
    .json<{
      seekers: { id: string; name: string }[];
    }>()
    .seekers.find((s) => s.name === GRADUATE.name);
  if (!job || !seeker) throw new Error('no other open job in 510104, or the graduate has no job search');
  expectOk(
    await clerk.request('POST', '/api/v1/labour-market/referrals', {
      seekerId: seeker.id,
      postingId: job.id,
      note: '',
    }),
    201,
  );
  return job.title;
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
    // An employer that runs no training school is not offered the classes a school opens.
    const menu = page.getByTestId('site-menu');
    await expect.poll(() => menu.innerText()).toContain('我的申请');
    expect(await menu.innerText()).not.toContain('培训班');
    await page.getByTestId('new-posting').click();
    // Days read year first whatever the browser's own language: the text shown is the ISO day, not a
    // native date input's (which an English browser showed as 12/07/2026).
    const from = page.locator('#posting-from');
    expect(await from.getAttribute('type')).not.toBe('date');
    expect(await from.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator('#posting-title').fill(TITLE);
    await chooseOption(employer, 'posting-occupation', '焊工', { search: true });
    await page.locator('#posting-pay-min').fill('5000');
    await page.locator('#posting-pay-max').fill('7000');
    await page.locator('#posting-place').fill('锦江区工业园焊接车间');
    await page.locator('#posting-requirements').fill('限男性，35周岁以下');
    await page.locator('#posting-contact').fill('人事部 028-80000000');
    // A last day before the first is refused first (the words are checked after the dates), and
    // marked under the date itself.
    const to = page.locator('#posting-to');
    const until = await to.inputValue();
    await to.click();
    await to.fill('2026-01-01');
    await to.press('Enter');
    await page.getByTestId('posting-submit').click();
    await page.locator('.ant-form-item-has-error', { has: to }).waitFor();
    await to.click();
    await to.fill(until);
    await to.press('Enter');
    await page.getByTestId('posting-submit').click();
    const error = page.getByTestId('error');
    await expect.poll(() => error.innerText()).toContain('限男性');
    expect(await error.innerText()).toContain('就业促进法');
    expect(await error.innerText()).toContain('35周岁以下');
    // The field the words were found in is marked, with the words under it.
    const refused = page.locator('.ant-form-item-has-error', { has: page.locator('#posting-requirements') });
    await expect.poll(() => refused.innerText()).toContain('35周岁以下');
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
    const mine = employer.page.getByTestId('my-posting').filter({ hasText: TITLE });
    // A returned posting is corrected and submitted again; a published one would be edited.
    expect(await mine.getByTestId('correct-posting').innerText()).toContain('修改后重新提交');
    await mine.getByTestId('correct-posting').click();
    await employer.page.locator('#posting-requirements').fill('持焊工职业技能等级证书者优先，能适应倒班');
    await employer.page.getByTestId('posting-submit').click();
    await expect.poll(() => returned.count()).toBe(0);

    await clerk.page.reload();
    await card(clerk, TITLE).getByTestId('publish').click();
    await expect.poll(() => card(clerk, TITLE).count()).toBe(0);
    // Published, it is no longer "corrected": an edit sends it to be reviewed again.
    await employer.page.reload();
    await expect.poll(() => mine.getByTestId('correct-posting').innerText()).toContain('修改（重新审核）');
  });

  it('the graduate finds it on the phone-size board and saves a job search that matches it', async () => {
    const graduate = await asGraduate('zh-CN', PHONE);
    const { page } = graduate;
    // A unit's job list opened by its address: a person is told it is for units, not given a form that fails.
    await go(graduate, '/#/my/postings');
    await page.getByTestId('not-for-account').waitFor();
    expect(await page.getByTestId('new-posting').count()).toBe(0);
    await go(graduate, '/#/jobs');
    await page.locator('#board-q').fill('焊工');
    await page.getByTestId('board-search').click();
    await card(graduate, TITLE).waitFor();
    // Nothing wider than the phone: the card is read without scrolling sideways.
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(graduate, 'labour-board-phone');
    await page.goto('/#/my/jobs');
    await chooseOption(graduate, 'seeker-occupations', '焊工', { search: true });
    await page.keyboard.press('Escape');
    // A negative wage is refused under its field, not quietly made 0.
    await page.locator('#seeker-pay').fill('-500');
    await page.getByTestId('save-profile').click();
    await page.getByText('期望月薪不低于（元）应在 0 至 1000000 之间').waitFor();
    expect(await page.locator('#seeker-pay').inputValue()).toBe('-500');
    await page.locator('#seeker-pay').fill('5000');
    await page.getByTestId('save-profile').click();
    await page.locator('.ant-message').getByText('求职意向已保存').waitFor();
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

    // The graduate is told, and finds the job in their job search with what happens next.
    const told = await asGraduate('zh-CN', PHONE);
    await go(told, '/#/my/messages');
    const message = told.page.getByTestId('message-referred').first();
    expect(await message.getByTestId('message-text').innerText()).toContain(TITLE);
    await message.getByRole('link', { name: '查看推荐的岗位' }).click();
    const referral = told.page.getByTestId('referral-referred').filter({ hasText: TITLE });
    await referral.getByText('待用人单位联系').waitFor();
    expect(await pageWidth(told.page)).toBeLessThanOrEqual(PHONE.width);
    await checkAndShoot(told, 'labour-referral-told-phone');

    await employer.page.reload();
    const row = employer.page.locator('tr').filter({ hasText: GRADUATE.name }).first();
    await row.getByTestId('hire').click();
    // Hiring registers employment: asked first, saying so.
    await expect
      .poll(() => employer.page.locator('.ant-popconfirm:visible').innerText())
      .toContain(`录用 ${GRADUATE.name} 到岗位`);
    await confirmAction(employer.page);
    await row.getByTestId('registered').waitFor();
    await checkAndShoot(employer, 'labour-hired');

    const graduate = await asGraduate('zh-CN');
    await go(graduate, '/#/my/employment');
    await graduate.page.getByText('就业登记').first().waitFor();
    await checkAndShoot(graduate, 'labour-employment-registered');
    await go(graduate, '/#/my/jobs');
    await graduate.page.getByTestId('referral-hired').filter({ hasText: TITLE }).getByText('已录用').waitFor();
    // Hired, the referral is closed: no way to decline it is offered.
    expect(await graduate.page.getByTestId('referral-hired').getByTestId('decline-referral').count()).toBe(0);
  });
});

const STATION = '锦江区东大街零工驿站（走查）';
const GIG = '快递分拣装车（走查零工）';

describe('a gig station from opening to a placement (zh-CN)', () => {
  it('the clerk opens a station; an empty form names each missing field', async () => {
    const { operator } = await demoUnits(walk.platform.app.database.db);
    const clerk = await walk.as('zh-CN', 'clerk');
    const { page } = clerk;
    await go(clerk, '/#/employment/labour-market');
    await page.getByRole('tab', { name: '零工驿站' }).click();
    await page.getByTestId('open-station').click();
    await page.locator('#station-submit').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('请填写驿站名称').waitFor();
    expect(await modal.getByText('请填写运营单位统一社会信用代码').isVisible()).toBe(true);
    await checkAndShoot(clerk, 'gig-station-form-errors');
    await page.locator('#station-name').fill(STATION);
    await page.locator('#station-operator').fill(operator);
    await page.locator('#station-address').fill('锦江区东大街88号一楼');
    await page.locator('#station-submit').click();
    await page.getByTestId('done').filter({ hasText: STATION }).waitFor();
    await page.locator('tr').filter({ hasText: STATION }).locator('.ant-radio-input').check();
    await page.getByText(`${STATION} · 月度服务数据`).waitFor();
  });

  it('the clerk posts a gig (an upside-down pay named); the counter publishes it; a placement counts', async () => {
    const { employer } = await demoUnits(walk.platform.app.database.db);
    const clerk = await walk.as('zh-CN', 'clerk');
    const { page } = clerk;
    const toStation = async () => {
      await go(clerk, '/#/employment/labour-market');
      await page.getByRole('tab', { name: '零工驿站' }).click();
      await page.locator('tr').filter({ hasText: STATION }).locator('.ant-radio-input').check();
      await page.getByText(`${STATION} · 月度服务数据`).waitFor();
    };
    await toStation();
    await page.getByTestId('post-gig').click();
    await page.locator('#gig-unit').fill(employer);
    await page.locator('#gig-title').fill(GIG);
    await chooseOption(clerk, 'gig-occupation', '快递员', { search: true });
    await page.locator('#gig-pay-min').fill('200');
    await page.locator('#gig-pay-max').fill('150');
    await page.locator('#gig-place').fill('锦江区东大街快递分拨点');
    await page.locator('#gig-contact').fill('驿站 028-86661111');
    await page.locator('#gig-submit').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('最高报酬（元）不能低于最低报酬（元）').waitFor();
    await checkAndShoot(clerk, 'gig-post-form-errors');
    await page.locator('#gig-pay-max').fill('260');
    await page.locator('#gig-submit').click();
    const row = page.locator('tr').filter({ hasText: GIG });
    await row.getByText('待审核').waitFor();

    // Reviewed by someone who did not post it: the city's counter clerk.
    const counter = await walk.as('zh-CN', 'counter');
    await go(counter, '/#/employment/labour-market');
    await card(counter, GIG).getByTestId('publish').click();
    await expect.poll(() => card(counter, GIG).count()).toBe(0);

    await page.reload();
    await toStation();
    await page.getByTestId('register-worker').click();
    await page.locator('#worker-id-number').fill(GRADUATE.idNumber);
    await page.locator('#worker-skills').fill('搬运、会使用手动叉车');
    await page.locator('#worker-submit').click();
    await page.locator('tr').filter({ hasText: GRADUATE.name }).waitFor();
    await chooseOption(clerk, 'gig-match-gig', GIG, { untilClosed: true });
    await chooseOption(clerk, 'gig-match-worker', GRADUATE.name, { untilClosed: true });
    await page.getByRole('button', { name: '登记撮合' }).click();
    await page.getByText('已登记').first().waitFor();
    const placed = page.locator('.ant-statistic').filter({ hasText: '成功对接人数' });
    await expect.poll(() => placed.innerText()).toContain('1');
    // The figures' month reads year first, as the page's other dates do, not a native month input's.
    const month = page.locator('#gig-month');
    expect(await month.getAttribute('type')).not.toBe('month');
    expect(await month.inputValue()).toMatch(/^\d{4}-\d{2}$/);
    await checkAndShoot(clerk, 'gig-station-placement');
  });
});

describe('an employer’s postings from a sheet (zh-CN)', () => {
  it('a sheet with mistakes names every problem of every row; the corrected sheet imports whole', async () => {
    const { employer } = await demoUnits(walk.platform.app.database.db);
    const clerk = await walk.as('zh-CN', 'clerk');
    const { page } = clerk;
    await go(clerk, '/#/employment/labour-market');
    await page.getByTestId('import-postings').click();
    await page.getByTestId('import-find').click();
    await page.getByText('请填写用人单位统一社会信用代码').waitFor();
    await page.locator('#import-unit').fill(employer);
    await page.getByTestId('import-find').click();
    await page.getByTestId('import-unit-name').waitFor();
    const [from, to] = [clock.today(), addDays(clock.today(), 60)];
    const row = (title: string, extra: Partial<Record<'payMax' | 'requirements' | 'occupation', string>> = {}) => [
      title,
      extra.occupation ?? '电工',
      '2',
      '5000',
      extra.payMax ?? '7000',
      '510104',
      '锦江区东大街100号',
      extra.requirements ?? '持电工证',
      '人事部 028-80001111',
      from,
      to,
    ];
    const upload = async (rows: string[][]) =>
      page.getByTestId('import-sheet').setInputFiles({
        name: 'postings.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await workbook(SHEET_HEADER, rows),
      });
    await upload([
      row('维修电工（导入一）', { payMax: '4000', requirements: '限男性' }),
      row('维修电工（导入二）', { occupation: '魔术师' }),
    ]);
    const error = page.locator('.ant-modal').getByTestId('error');
    await expect.poll(() => error.innerText()).toContain('第 3 行');
    const text = await error.innerText();
    expect(text).toContain('限男性');
    expect(text).toContain('4,000元');
    expect(text).toContain('不认识的职业“魔术师”');
    await checkAndShoot(clerk, 'labour-import-errors');
    await upload([row('维修电工（导入一）'), row('维修电工（导入二）')]);
    await page.getByTestId('done').filter({ hasText: '已导入 2 个岗位' }).waitFor();
    await card(clerk, '维修电工（导入二）').waitFor();
    await checkAndShoot(clerk, 'labour-imported');
  });
});

describe('a live stream from set-up to its results (zh-CN)', () => {
  const EVENT = '春风行动直播带岗（走查）';

  it('the clerk sets up a live stream presenting the reviewed job; the graduate sends a CV while it runs', async () => {
    const clerk = await walk.as('zh-CN', 'clerk');
    const { page } = clerk;
    await go(clerk, '/#/employment/labour-market');
    await page.getByRole('tab', { name: '招聘活动与直播带岗' }).click();
    await page.getByTestId('create-event').click();
    await page.locator('#event-title').fill(EVENT);
    await page.locator('#event-base').fill('锦江区直播带岗基地');
    await page.locator('#event-brand').fill('蓉漂人才荟');
    await page.locator('#event-starts').fill(shanghaiMinute(new Date(clock.now().getTime() - 5 * 60_000)));
    await page.locator('#event-ends').fill(shanghaiMinute(new Date(clock.now().getTime() + 60 * 60_000)));
    await chooseOption(clerk, 'event-postings', TITLE, { search: true });
    await page.keyboard.press('Escape');
    await page.locator('#event-submit').click();
    // A live stream without its anchor is refused, naming the field.
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('请填写主播').waitFor();
    await page.locator('#event-anchor').fill('就业服务专员小李');
    await page.locator('#event-submit').click();
    await page.getByTestId('done').filter({ hasText: EVENT }).waitFor();

    // The graduate, on their own job-search page, sends a CV to the job the stream presents.
    const graduate = await asGraduate('zh-CN', PHONE);
    await go(graduate, '/#/my/jobs');
    const live = graduate.page.getByTestId('live-events').locator('.ant-card').filter({ hasText: EVENT });
    await live.waitFor();
    await live.locator('.ant-space').filter({ hasText: TITLE }).getByTestId('send-cv').first().click();
    await live.getByText('已投递').waitFor();
    await checkAndShoot(graduate, 'event-send-cv-phone');
    await page.reload();
    await page.getByRole('tab', { name: '招聘活动与直播带岗' }).click();
    const row = page.locator('tr').filter({ hasText: EVENT });
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('.ant-table-expanded-row').getByText(GRADUATE.name).waitFor();
    await checkAndShoot(clerk, 'event-live-cv');
  });

  it('two hours on, the clerk enters its results', async () => {
    clock.advanceMinutes(120);
    const clerk = await walk.as('zh-CN');
    // The page decides "over" by the browser's clock: the same moment as the server's.
    await clerk.page.clock.install({ time: clock.now() });
    await login(clerk, 'clerk', DEMO_PASSWORD);
    const { page } = clerk;
    await go(clerk, '/#/employment/labour-market');
    await page.getByRole('tab', { name: '招聘活动与直播带岗' }).click();
    const row = page.locator('tr').filter({ hasText: EVENT });
    await row.locator('.ant-table-row-expand-icon').click();
    const expanded = page.locator('.ant-table-expanded-row');
    await expanded.locator('#event-views').fill('3200');
    await expanded.locator('#event-cvs').fill('45');
    await expanded.locator('#event-interviews').fill('12');
    await expanded.locator('#event-hires').fill('4');
    // antd spaces a two-character button: “保 存”.
    await expanded.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('观看 3200 · 简历 45 · 面试 12 · 录用 4').waitFor();
    await checkAndShoot(clerk, 'event-results');
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
    // The side menu's English labels are whole: none runs past its item, clipped or with an ellipsis.
    const cut = await clerk.page.locator('aside li *').evaluateAll((els) =>
      els
        .filter((e) => e.children.length === 0 && e.textContent?.trim())
        .filter(
          (e) =>
            e.getBoundingClientRect().right > (e.closest('li')?.getBoundingClientRect().right ?? Infinity) ||
            (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1),
        )
        .map((e) => e.textContent),
    );
    expect(cut).toEqual([]);
    // The staff forms in English: a missing field is named in English.
    await clerk.page.getByRole('tab', { name: 'Gig stations' }).click();
    await clerk.page.getByTestId('open-station').click();
    await clerk.page.locator('#station-submit').click();
    await clerk.page.locator('.ant-modal:visible').getByText('Station name is required').waitFor();
    await checkAndShoot(clerk, 'gig-station-form-errors');
    await clerk.page.keyboard.press('Escape');
    await clerk.page.getByRole('tab', { name: 'Recruitment events and live streams' }).click();
    await clerk.page.getByTestId('create-event').click();
    await clerk.page.locator('.ant-modal:visible').getByText('Postings presented (published)').waitFor();
    await checkAndShoot(clerk, 'event-form');
    await clerk.page.keyboard.press('Escape');
    // Referred to another of the demo jobs, the graduate declines it in English: a reason is asked for.
    const other = await referGraduateElsewhere();
    const graduate = await asGraduate('en-US');
    await go(graduate, '/#/my/jobs');
    await graduate.page.getByTestId('save-profile').waitFor();
    const open = graduate.page.getByTestId('referral-referred').filter({ hasText: other });
    await open.getByText('Waiting for the employer to contact you').waitFor();
    await open.getByTestId('decline-referral').click();
    await graduate.page.locator('#decline-confirm').click();
    await graduate.page.locator('.ant-modal:visible').getByText('Reason is required').waitFor();
    await graduate.page.locator('#decline-reason').fill('Too far to travel');
    await graduate.page.locator('#decline-confirm').click();
    await graduate.page.locator('.ant-message').getByText(`you decline “${other}”`).waitFor();
    const declined = graduate.page.getByTestId('referral-declined').filter({ hasText: other });
    await declined.getByText('Your reason: Too far to travel').waitFor();
    await checkAndShoot(graduate, 'labour-my-jobs');
  });
});
