import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { readTable } from '../registry/import/tabular.js';
import { expectOk, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 工作台列表: a clerk finds an application among many by the applicant's name, ID number or the
 * application number; filters by subsidy, state, region and date; sorts and pages on the server;
 * sees what they processed; and exports the filtered rows — each row with the amount the engine
 * decided, not a dash.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00'); // a Monday
let app: TestApp;
let clerk: Client, cityClerk: Client, accepter: Client, reviewer: Client;

interface Row {
  id: string;
  number: string;
  state: string;
  regionCode: string;
  applicant: { name: string; identifier: string };
  decidedFen?: number;
  amountFen?: number;
}
interface Filed {
  id: string;
  number: string;
  idNumber: string;
}

/** A graduate of a 低保 family, filed for 一次性求职补贴 by the clerk of their county. */
async function file(by: Client, name: string, region: string, key: string): Promise<Filed> {
  const id = idNumber('2004-03-05', 'female', region);
  const person = await by.request('POST', '/api/v1/people', {
    idNumber: id,
    name,
    regionCode: region,
    facts: [
      { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
      { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
    ],
  });
  expectOk(person, 201);
  const filed = await by.request('POST', '/api/v1/applications', {
    subsidy: 'one-time-job-seeking',
    personId: person.json<{ id: string }>().id,
    idempotencyKey: key,
    submit: true,
  });
  expectOk(filed, 201);
  return { ...filed.json<{ id: string; number: string }>(), idNumber: id };
}

async function worklist(c: Client, query: string): Promise<{ total: number; applications: Row[] }> {
  const res = await c.request('GET', `/api/v1/applications/worklist?${query}`);
  expectOk(res);
  return res.json();
}

let wang: Filed, wangTwo: Filed, li: Filed, qingyang: Filed;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'list-clerk', ['clerk'], '510104');
  cityClerk = await staff(app, 'list-city-clerk', ['clerk'], '510100');
  accepter = await staff(app, 'list-accepter', ['clerk'], '510104');
  reviewer = await staff(app, 'list-reviewer', ['reviewer'], '510100');
  wang = await file(clerk, '王小明', '510104', 'worklist-1');
  wangTwo = await file(clerk, '王大伟', '510104', 'worklist-2');
  li = await file(clerk, '李四', '510104', 'worklist-3');
  qingyang = await file(cityClerk, '赵青', '510105', 'worklist-4');
});
afterAll(() => app.close());

describe('finding an application', () => {
  it('finds one by the applicant’s ID number, which the list shows masked', async () => {
    const found = await worklist(clerk, `search=${wang.idNumber}`);
    expect(found.applications.map((a) => a.id)).toEqual([wang.id]);
    expect(found.applications[0]?.applicant.identifier).not.toContain(wang.idNumber.slice(6, 14));
  });

  it('finds the applicants whose name starts with what was typed', async () => {
    const found = await worklist(clerk, `search=${encodeURIComponent('王')}`);
    expect(found.applications.map((a) => a.id).sort()).toEqual([wang.id, wangTwo.id].sort());
    expect((await worklist(clerk, `search=${encodeURIComponent('小明')}`)).total).toBe(0);
  });

  it('finds one by its application number', async () => {
    expect((await worklist(clerk, `search=${li.number}`)).applications.map((a) => a.id)).toEqual([li.id]);
  });

  it('shows on every row the amount the engine decided at filing, before any approval', async () => {
    const rows = (await worklist(clerk, 'limit=50')).applications;
    expect(rows).toHaveLength(3);
    const detail = (await clerk.request('GET', `/api/v1/applications/${wang.id}`)).json<{
      decidedFen?: number;
      events: { decision?: { amountFen: number } }[];
    }>();
    const filedAmount = detail.events.find((e) => e.decision)?.decision?.amountFen;
    expect(filedAmount).toBeGreaterThan(0);
    // The one application's page takes it from the events it shows; the list asks for it per page.
    expect(detail.decidedFen).toBe(filedAmount);
    for (const r of rows) {
      expect(r.amountFen).toBeUndefined();
      expect(r.decidedFen).toBe(filedAmount);
    }
  });
});

describe('filters, sorting and paging', () => {
  it('keeps a county clerk inside their county, even when asking for another', async () => {
    expect((await worklist(clerk, 'region=510105')).total).toBe(0);
    const city = await worklist(cityClerk, 'region=510105');
    expect(city.applications.map((a) => a.id)).toEqual([qingyang.id]);
    expect((await worklist(cityClerk, '')).total).toBe(4);
  });

  it('filters by state, subsidy and the date of submission', async () => {
    expect((await worklist(cityClerk, 'state=submitted&subsidy=one-time-job-seeking')).total).toBe(4);
    expect((await worklist(cityClerk, 'state=accepted')).total).toBe(0);
    expect((await worklist(cityClerk, 'submittedFrom=2026-11-23&submittedTo=2026-11-23')).total).toBe(4);
    expect((await worklist(cityClerk, 'submittedFrom=2026-11-24')).total).toBe(0);
  });

  it('sorts by number either way and pages without losing or repeating a row', async () => {
    const desc = (await worklist(cityClerk, 'sort=number&order=desc')).applications.map((a) => a.number);
    expect(desc).toEqual([...desc].sort().reverse());
    const first = await worklist(cityClerk, 'sort=number&limit=2&offset=0');
    const second = await worklist(cityClerk, 'sort=number&limit=2&offset=2');
    expect(first.total).toBe(4);
    const paged = [...first.applications, ...second.applications].map((a) => a.number);
    expect(paged).toEqual([...desc].reverse());
  });

  it('gives the reviewer their queue and, once they act, what they processed', async () => {
    // Filed by one clerk, accepted by another: one person never takes two steps of one application.
    expectOk(await accepter.request('POST', `/api/v1/applications/${wang.id}/transitions`, { action: 'accept' }));
    expectOk(await accepter.request('POST', `/api/v1/applications/${li.id}/transitions`, { action: 'accept' }));
    const queue = await worklist(reviewer, 'view=queue');
    expect(queue.applications.map((a) => a.id).sort()).toEqual([wang.id, li.id].sort());
    expect((await worklist(reviewer, 'view=processed')).total).toBe(0);
    expectOk(await reviewer.request('POST', `/api/v1/applications/${wang.id}/transitions`, { action: 'review' }));
    expect((await worklist(reviewer, 'view=processed')).applications.map((a) => a.id)).toEqual([wang.id]);
    expect((await worklist(reviewer, 'view=queue')).applications.map((a) => a.id)).toEqual([li.id]);
  });
});

describe('the Excel export', () => {
  it('holds the filtered rows in the caller’s language, amounts in 元', async () => {
    const res = await cityClerk.request('GET', `/api/v1/applications/worklist.xlsx?search=${encodeURIComponent('王')}`);
    expectOk(res);
    const cells = await readTable(res.rawPayload);
    const table = cells.map((row) => row.map((c) => c.text));
    expect(table[0]).toContain('申请编号');
    expect(
      table
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([wang.number, wangTwo.number].sort());
    // An amount is a number Excel can add up, not text.
    expect(cells[1]?.at(-1)).toMatchObject({ numeric: true, text: expect.stringMatching(/^\d+(\.\d{1,2})?$/) });
    expect(table.flat().join(' ')).not.toContain(wang.idNumber);

    const english = await cityClerk.request('GET', '/api/v1/applications/worklist.xlsx', undefined, {
      'accept-language': 'en-US',
    });
    const englishTable = (await readTable(english.rawPayload)).map((row) => row.map((c) => c.text));
    const header = englishTable[0];
    expect(header).toContain('Application');
    expect(header).not.toContain('申请编号');
    // The state as a cell reads it, with a capital, never the state's code.
    const states = englishTable.slice(1).map((r) => r[header?.indexOf('State') ?? -1]);
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(state).toMatch(/^[A-Z][a-z]/);
  });
});

describe('the application page', () => {
  it('counts the working days left to the deadline on the official calendar, below zero once it has passed', async () => {
    // Days pass: the clerk logs in again each time (a session ends after minutes idle).
    const view = async () =>
      (await (await login(app, 'list-clerk')).request('GET', `/api/v1/applications/${wangTwo.id}`)).json<{
        dueOn: string;
        workingDaysLeft: number;
      }>();
    // Filed on Monday 23 November: five working days to Monday the 30th.
    expect(await view()).toMatchObject({ dueOn: '2026-11-30', workingDaysLeft: 5 });
    clock.setDate('2026-11-28'); // a Saturday: Monday is the next working day
    expect((await view()).workingDaysLeft).toBe(1);
    clock.setDate('2026-12-02');
    expect((await view()).workingDaysLeft).toBe(-2);
  });
});

describe('an application the engine found not eligible', () => {
  it('says so instead of an amount of ¥0.00, on its page and in the list', async () => {
    const jinniu = await staff(app, 'list-jinniu-clerk', ['clerk'], '510106');
    // A graduate with no 低保 or other hardship on record: 一次性求职补贴 is not for them.
    const person = await jinniu.request('POST', '/api/v1/people', {
      idNumber: idNumber('2004-05-06', 'male', '510106'),
      name: '钱七',
      regionCode: '510106',
      facts: [{ kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } }],
    });
    expectOk(person, 201);
    const filed = await jinniu.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      personId: person.json<{ id: string }>().id,
      idempotencyKey: 'worklist-ineligible',
      submit: true,
    });
    expectOk(filed, 201);
    const { id } = filed.json<{ id: string }>();
    const page = (await jinniu.request('GET', `/api/v1/applications/${id}`)).json<Row & { decidedStatus?: string }>();
    expect(page.decidedStatus).toBe('ineligible');
    expect(page.decidedFen).toBeUndefined();
    const row = (await worklist(jinniu, 'state=submitted')).applications.find((a) => a.id === id) as
      (Row & { decidedStatus?: string }) | undefined;
    expect(row).toMatchObject({ decidedStatus: 'ineligible' });
    expect(row?.decidedFen).toBeUndefined();
    const sheet = await jinniu.request('GET', '/api/v1/applications/worklist.xlsx?state=submitted');
    const table = (await readTable(sheet.rawPayload)).map((r) => r.map((c) => c.text));
    const amount = table[0]?.indexOf('金额（元）') ?? -1;
    expect(table.find((r) => r[0] === row?.number)?.[amount]).toBe('不符合条件');
  });
});
