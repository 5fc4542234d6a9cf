import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed, vi } from 'vitest';
import { idNumber } from '../../policy/src/testing/builders.js';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-city.js';
import { applicant, expectOk, login as apiLogin } from '../../server/src/testing/fixtures.js';
import { workbook } from '../../server/src/testing/sheets.js';
import {
  checkAndShoot,
  chooseOption,
  confirmAction,
  login,
  SCREENSHOTS,
  startPlatform,
  visitor,
  type Language,
  type Platform,
  type Visitor,
} from './harness.js';

/**
 * Employment services in a real browser (就业失业登记、就业援助): the district clerk registers an
 * unemployed graduate, whose case opens with the case worker of their 街道; the case worker logs a
 * career guidance, three job referrals and a training offer, and the 1+3+1 case closes. Then a
 * household nobody in which works is registered (零就业家庭): its case opens, and when a member is
 * registered employed it is cleared. The pages are shot in both languages.
 */
vi.setConfig({ testTimeout: 120_000 });
let platform: Platform;
const open: Visitor[] = [];
async function as(username: string, language: Language = 'zh-CN'): Promise<Visitor> {
  const v = await visitor(platform, language);
  open.push(v);
  await login(v, username, DEMO_PASSWORD);
  return v;
}

const GRADUATE = { name: '毕业生丙', idNumber: idNumber('2004-03-03', 'female', '510104') };
const MOTHER = { name: '零就业甲', idNumber: idNumber('1975-05-05', 'female', '510104') };
const SON = { name: '零就业乙', idNumber: idNumber('2001-09-09', 'male', '510104') };
const HISTORIC = { name: '历史登记人', idNumber: idNumber('1983-04-04', 'male', '510104') };
/** On the 民政 list of 低保 households, and one who left it last month. */
const DIBAO = { name: '低保甲', idNumber: idNumber('1970-07-07', 'female', '510104') };
const LEFT_DIBAO = { name: '退保乙', idNumber: idNumber('1971-08-08', 'male', '510104') };

beforeAll(async () => {
  platform = await startPlatform();
  const clerk = await apiLogin(platform.app, 'clerk', DEMO_PASSWORD);
  const graduated = `${new Date().getUTCFullYear() - (new Date().getUTCMonth() < 6 ? 1 : 0)}-06-30`;
  const people = [
    { ...GRADUATE, facts: [{ kind: 'graduation', data: { date: graduated, institution: 'university' } }] },
    { ...MOTHER, householdId: 'H-WALK-0001', rural: false },
    { ...SON, householdId: 'H-WALK-0001', rural: false },
    HISTORIC,
    DIBAO,
    LEFT_DIBAO,
  ];
  for (const p of people) expectOk(await clerk.request('POST', '/api/v1/people', { regionCode: '510104', ...p }), 201);
  // As of today, so it is the latest the district's lists have (the demo city loads one too).
  const list = ['idNumber,status,from,to', `${DIBAO.idNumber},dibao-household,2023-03-01,`];
  list.push(`${LEFT_DIBAO.idNumber},dibao-household,2022-01-01,${daysAgo(30)}`);
  expectOk(
    await clerk.request(
      'POST',
      `/api/v1/reference-snapshots/social-assistance?takenOn=${daysAgo(0)}&source=${encodeURIComponent('锦江区民政局')}`,
      Buffer.from(list.join('\r\n') + '\r\n', 'utf8'),
      { 'content-type': 'text/csv' },
    ),
    201,
  );
}, 180_000);
beforeEach(() => {
  onTestFailed(async () => {
    for (const [i, v] of open.entries())
      await v.page
        .screenshot({ path: `${SCREENSHOTS}/employment-failed-${i}.png`, fullPage: true })
        .catch(() => undefined);
  });
});
afterAll(async () => {
  for (const v of open) await v.context.close();
  await platform?.close();
});

/** The clerk finds the person by ID number and registers them; the card number is shown. */
async function register(
  clerk: Visitor,
  person: { name: string; idNumber: string },
  kind: '失业登记' | '就业登记',
  community?: string,
  /** The assistance the registration opens, said with it. */
  opens = '',
): Promise<void> {
  await clerk.page.goto('/#/employment/registrations');
  await clerk.page.locator('#person-id-number').fill(person.idNumber);
  await clerk.page.getByTestId('person-find').click();
  await clerk.page.getByTestId('person-found').waitFor();
  if (kind === '就业登记') {
    await chooseOption(clerk, 'kind', '就业登记');
    await chooseOption(clerk, 'employmentKind', '灵活就业');
  }
  if (community) await clerk.page.locator('#community').fill(community);
  await clerk.page.getByTestId('register-submit').click();
  const said = new RegExp(`已登记，就业创业证号：510104-\\d{4}-\\d{6}${opens ? `；已纳入就业援助：${opens}` : ''}`);
  await expect.poll(() => clerk.page.locator('body').innerText()).toMatch(said);
  await expect
    .poll(() => clerk.page.getByTestId('registrations').innerText())
    .toMatch(new RegExp(`${person.name}.*${kind}`));
}

const households = (v: Visitor) => v.page.getByTestId('households').innerText();

function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** The clerk files a certification for a 低保 household member, with or without evidence. */
async function fileCertification(clerk: Visitor, person: { idNumber: string }, evidence?: string): Promise<void> {
  await clerk.page.goto('/#/employment/certifications');
  await clerk.page.locator('#person-id-number').fill(person.idNumber);
  await clerk.page.getByTestId('person-find').click();
  await clerk.page.getByTestId('person-found').waitFor();
  await chooseOption(clerk, 'category', '低保家庭成员');
  if (evidence) await clerk.page.locator('#evidence').fill(evidence);
  await clerk.page.getByTestId('certification-submit').click();
}

describe('registration and one-to-one assistance, in the browser', () => {
  it('the clerk registers an unemployed graduate; the case opens with the case worker of their 街道', async () => {
    const clerk = await as('clerk');
    await register(clerk, GRADUATE, '失业登记', '春熙路街道');
    await expect.poll(() => clerk.page.getByTestId('registrations').innerText()).toContain(GRADUATE.name);
    await checkAndShoot(clerk, 'employment-registrations');
  });

  it('ending registrations without contact asks first, and says what it did', async () => {
    const clerk = await as('clerk');
    await clerk.page.goto('/#/employment/registrations');
    await clerk.page.getByRole('button', { name: '清理6个月未联系人员' }).click();
    const ask = clerk.page.locator('.ant-popconfirm:visible');
    await expect.poll(() => ask.innerText()).toContain('确定执行');
    await ask.locator('.ant-btn-primary').click();
    await expect.poll(() => clerk.page.locator('.ant-message').innerText()).toContain('已终止');
    // Registered today, the graduate was in contact: their registration stays open.
    expect(await clerk.page.getByTestId('registrations').innerText()).toContain(GRADUATE.name);
  });

  it('the clerk imports historic registrations: a wrong row refuses the whole file, named; the right one is taken', async () => {
    const clerk = await as('clerk');
    await clerk.page.goto('/#/employment/registrations');
    const header = [
      '身份证号码 (idNumber)',
      '登记类型 (kind)',
      '登记地行政区划代码 (regionCode)',
      '登记地 (basis)',
      '登记日期 (startsOn)',
      '终止日期 (endsOn)',
      '终止原因 (endReason)',
    ];
    const file = async (reason: string) => ({
      name: '历史登记.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await workbook(header, [
        [HISTORIC.idNumber, '失业登记', '510104', '常住地', '2024-01-01', '2024-06-30', reason],
      ]),
    });
    await clerk.page.locator('input[type=file]').setInputFiles(await file(''));
    await expect.poll(() => clerk.page.locator('body').innerText()).toMatch(/第 2 行[\s\S]*终止原因/);
    await checkAndShoot(clerk, 'employment-import-refused');
    await clerk.page.locator('input[type=file]').setInputFiles(await file('已就业'));
    await expect.poll(() => clerk.page.locator('body').innerText()).toContain('已导入 1 条登记');
  });

  it('the case worker logs guidance, three referrals and a training offer, and the 1+3+1 case closes', async () => {
    const worker = await as('caseworker');
    await worker.page.goto('/#/employment/cases');
    await expect.poll(() => worker.page.getByTestId('cases').innerText()).toContain(GRADUATE.name);
    await checkAndShoot(worker, 'employment-cases-mine');
    const welder = '成都锦城精密机械有限公司 电焊工';
    // The second referral names the same posting as the first, in other words: it is the same referral.
    const steps = [
      ['职业指导', '职业指导：梳理求职意向，修改简历', null],
      ['岗位推荐', null, welder],
      ['岗位推荐', '电话跟进，再次推荐电焊工岗位', welder],
      ['岗位推荐', '推荐至锦江区物流企业', null],
      ['培训推荐', '推荐参加电子商务师培训', null],
    ] as const;
    for (const [kind, note, posting] of steps) {
      await worker.page.getByTestId(`log-${GRADUATE.name}`).click();
      await chooseOption(worker, 'contact-kind', kind);
      if (posting) await chooseOption(worker, 'contact-posting', posting, { search: true });
      // Picking the posting with no note yet writes the referral's note.
      if (note) await worker.page.locator('#contact-note').fill(note);
      // The kind is said beside it on the case, so the note names only the posting.
      else
        await expect
          .poll(() => worker.page.locator('#contact-note').inputValue())
          .toBe('成都锦城精密机械有限公司「电焊工」');
      if (posting) await checkAndShoot(worker, 'employment-referral-posting');
      await confirmAction(worker.page);
    }
    // Two referrals, not three: the case stays open until a third posting is referred.
    await expect.poll(() => worker.page.getByTestId('cases').innerText()).toContain('指导 1/1，推荐 2/3，培训见习 1/1');
    await worker.page.getByTestId(`log-${GRADUATE.name}`).click();
    await chooseOption(worker, 'contact-kind', '岗位推荐');
    await worker.page.locator('#contact-note').fill('推荐至社区养老服务中心');
    await confirmAction(worker.page);
    // Kept, the case leaves the open list; the full list shows it closed.
    await expect.poll(() => worker.page.getByTestId('cases').innerText()).not.toContain(GRADUATE.name);
    await worker.page.locator('.ant-segmented-item').filter({ hasText: '全部' }).click();
    await expect.poll(() => worker.page.getByTestId('cases').innerText()).toContain('已结案（“1+3+1”服务已完成）');
    await checkAndShoot(worker, 'employment-case-kept');
  });

  it('a zero-employment household is opened when its member registers unemployed, and cleared when a member is employed', async () => {
    const clerk = await as('clerk');
    await clerk.page.goto('/#/employment/cases');
    // Read the count only once the card has loaded: either a tally or "all cleared".
    await expect.poll(() => households(clerk)).toMatch(/户未清零|已全部清零/);
    const before = Number(/(\d+) 户未清零/.exec(await households(clerk))?.[1] ?? 0);
    await register(clerk, MOTHER, '失业登记', '春熙路街道', '零就业家庭');
    await clerk.page.goto('/#/employment/cases');
    await expect.poll(async () => Number(/(\d+) 户未清零/.exec(await households(clerk))?.[1] ?? 0)).toBe(before + 1);
    await checkAndShoot(clerk, 'employment-household-open');

    await register(clerk, SON, '就业登记');
    await clerk.page.goto('/#/employment/cases');
    await expect.poll(async () => Number(/(\d+) 户未清零/.exec(await households(clerk))?.[1] ?? 0)).toBe(before);
    await clerk.page.locator('.ant-segmented-item').filter({ hasText: '全部' }).click();
    await expect
      .poll(() => clerk.page.getByTestId('cases').innerText())
      .toMatch(new RegExp(`${MOTHER.name}[\\s\\S]*零就业家庭[\\s\\S]*已结案（已就业）`));
  });

  it('a 低保 member the 民政 list holds is certified with no paper; one who left it, only with a reason', async () => {
    const clerk = await as('clerk');
    await fileCertification(clerk, DIBAO);
    await expect
      .poll(() => clerk.page.getByTestId('certifications').innerText())
      .toMatch(new RegExp(`${DIBAO.name}[\\s\\S]*经民政社会救助名单核验[\\s\\S]*载有，自 2023-03-01 起`));
    // Left the list: the form asks for the evidence, naming the list's day.
    await fileCertification(clerk, LEFT_DIBAO);
    await expect.poll(() => clerk.page.locator('body').innerText()).toContain(`${daysAgo(0)} 的名单未载明此人`);
    await clerk.page.locator('#evidence').fill('乡镇出具的低保复核期间证明');
    await clerk.page.getByTestId('certification-submit').click();
    await expect.poll(() => clerk.page.getByTestId('certifications').innerText()).toContain(LEFT_DIBAO.name);
    await checkAndShoot(clerk, 'employment-certifications-lists');

    const reviewer = await as('reviewer');
    await reviewer.page.goto('/#/employment/certifications');
    const row = (name: string) => reviewer.page.locator('tr').filter({ hasText: name });
    await row(DIBAO.name)
      .getByRole('button', { name: /^认 ?定$/ })
      .click();
    // Asked first, naming whom and as what.
    const ask = reviewer.page.locator('.ant-popconfirm:visible');
    await expect.poll(() => ask.innerText()).toContain(`认定 ${DIBAO.name} 为低保家庭成员`);
    await ask.locator('.ant-btn-primary').click();
    await expect.poll(() => reviewer.page.locator('.ant-message').innerText()).toContain(`已认定 ${DIBAO.name}`);
    await expect.poll(() => reviewer.page.getByTestId('certifications').innerText()).not.toContain(DIBAO.name);
    await row(LEFT_DIBAO.name)
      .getByRole('button', { name: /^认 ?定$/ })
      .click();
    await expect.poll(() => reviewer.page.locator('.ant-modal').innerText()).toContain(`载至 ${daysAgo(30)}`);
    await checkAndShoot(reviewer, 'employment-certify-with-reason');
    await reviewer.page.locator('.ant-modal textarea').fill('民政复核期间仍享受低保待遇');
    await confirmAction(reviewer.page);
    await expect.poll(() => reviewer.page.getByTestId('certifications').innerText()).not.toContain(LEFT_DIBAO.name);
    await reviewer.page.locator('.ant-segmented-item').filter({ hasText: '已认定' }).click();
    await expect
      .poll(() => reviewer.page.getByTestId('certifications').innerText())
      .toMatch(new RegExp(`${LEFT_DIBAO.name}[\\s\\S]*乡镇出具的低保复核期间证明`));
  });

  it('the pages read in English, and an applicant sees their own registration and case', async () => {
    const worker = await as('caseworker', 'en-US');
    for (const [path, name] of [
      ['/#/employment/cases', 'employment-cases-en'],
      ['/#/employment/registrations', 'employment-registrations-en'],
      ['/#/employment/certifications', 'employment-certifications-en'],
    ] as const) {
      await worker.page.goto(path);
      await worker.page.locator('h3').first().waitFor();
      await checkAndShoot(worker, name);
    }
    const person = {
      kind: 'person',
      idNumber: idNumber('1990-01-01', 'male', '510104'),
      name: '自助登记',
      regionCode: '510104',
      username: 'walk-applicant',
    };
    await applicant(platform.app, person);
    const v = await visitor(platform, 'en-US');
    open.push(v);
    await login(v, 'walk-applicant', 'Test-pass-2026');
    await v.page.goto('/#/my/employment');
    await v.page.getByRole('button', { name: 'Register as unemployed' }).click();
    await expect.poll(() => v.page.locator('body').innerText()).toContain('Unemployment registration');
    await checkAndShoot(v, 'employment-my-en');
  });
});
