import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { approvedClaim } from './spot-check.test-kit.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let supervisor: Client, auditor: Client, auditor2: Client, cityAuditor: Client, countySupervisor: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 10_000_000);
  const clerk = await staff(app, 'clerk', ['clerk'], '510104');
  const counter = await staff(app, 'counter', ['clerk'], '510104');
  const reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  const approver = await staff(app, 'approver', ['approver'], '510104');
  supervisor = await staff(app, 'supervisor', ['supervisor'], '510100');
  auditor = await staff(app, 'auditor', ['auditor'], '510104');
  auditor2 = await staff(app, 'auditor2', ['auditor'], '510104');
  // Reads the city's audit trail (the supervisor draws as the city); also one of the inspectors.
  cityAuditor = await staff(app, 'city-auditor', ['auditor'], '510100');
  // Draws for the county alone: another scope, so its first draw of the day is still to come.
  countySupervisor = await staff(app, 'county-supervisor', ['supervisor'], '510104');
  for (let i = 0; i < 8; i++) await approvedClaim({ clerk, counter, reviewer, approver }, '510104', `抽查${i}`);
}, 60_000);
afterAll(() => app.close());

type View = {
  id: string;
  seed: string;
  period: string;
  redrawOf?: string;
  reason?: string;
  candidates: number;
  items: { id: string; applicationId: string; applicationNumber: string; inspector: string; outcome?: string }[];
};
type Refusal = { code: string; field?: string; errors?: { spotCheckId: string; period: string }[] };
const INSPECTORS = ['supervisor', 'auditor', 'auditor2', 'city-auditor', 'county-supervisor'];
/** Each inspector's session by the name the checks show them under (the accounts made above). */
const inspectorsByName = (): Record<string, Client> => ({
  supervisor,
  auditor,
  auditor2,
  'city-auditor': cityAuditor,
  'county-supervisor': countySupervisor,
});

describe('spot checks (双随机: 随机抽取检查对象，随机选派检查人员)', () => {
  let first: View;

  it('the caller cannot choose the seed: whoever picks the seed picks the sample', async () => {
    const res = await supervisor.request('POST', '/api/v1/spot-checks', {
      sampleSize: 3,
      seed: '2026-11-23/510100/demo-seed',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'seed' });
  });

  it('draws from a seed the server takes from a cryptographic source, records it, and anyone entitled can redo the draw', async () => {
    const res = await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 8 });
    expectOk(res, 201);
    first = res.json<View>();
    expect(first.seed).toMatch(/^2026-11-23\/510100\/[0-9a-f]{32}$/);
    expect(first.period).toBe('2026-11-23');
    expect(first.redrawOf).toBeUndefined();
    expect(first.candidates).toBe(8);
    expect(first.items).toHaveLength(8);
    expect(first.items.every((i) => INSPECTORS.includes(i.inspector))).toBe(true);
    expect((await supervisor.request('GET', `/api/v1/spot-checks/${first.id}/reproduction`)).json()).toEqual({
      identical: true,
    });
  });

  it('one draw stands per region and day: drawing again without a reason is refused, naming the draw that stands', async () => {
    const res = await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 3 });
    expect(res.statusCode).toBe(409);
    expect(res.json<Refusal>()).toMatchObject({
      code: 'SPOT_CHECK_ALREADY_DRAWN',
      field: 'reason',
      errors: [{ spotCheckId: first.id, period: '2026-11-23' }],
    });
    // A blank reason is no reason.
    const blank = await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 3, reason: '    ' });
    expect(blank.json<Refusal>()).toMatchObject({ code: 'REASON_TOO_BRIEF', field: 'reason' });
    // Two characters, marks, or one letter typed over and over are refused in the same words.
    for (const thin of ['重抽', '!!!!', 'xxxx'])
      expect(
        (await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 3, reason: thin })).json<Refusal>(),
      ).toMatchObject({ code: 'REASON_TOO_BRIEF', field: 'reason' });
    expect(
      (await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 3, reason: 'x'.repeat(501) })).json(),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const today = (await supervisor.request('GET', '/api/v1/spot-checks/today')).json<{ draws: View[] }>();
    expect(today.draws.map((d) => d.id)).toEqual([first.id]);
  });

  it('a redraw with a reason keeps the first draw and its sample on record, points at it, and the audit trail shows both', async () => {
    const reason = '原抽取时部分检查人员因回避未到岗，经局务会同意重新抽取';
    const res = await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 2, reason });
    expectOk(res, 201);
    const redraw = res.json<View>();
    expect(redraw).toMatchObject({ redrawOf: first.id, reason, period: '2026-11-23' });
    expect(redraw.seed).not.toBe(first.seed);

    const today = (await supervisor.request('GET', '/api/v1/spot-checks/today')).json<{ draws: View[] }>();
    expect(today.draws.map((d) => d.id)).toEqual([first.id, redraw.id]);
    const kept = (await supervisor.request('GET', `/api/v1/spot-checks/${first.id}`)).json<View>();
    expect(kept.items.map((i) => [i.applicationId, i.inspector])).toEqual(
      first.items.map((i) => [i.applicationId, i.inspector]),
    );

    const trail = (await cityAuditor.request('GET', '/api/v1/audit?entityType=spot_check&action=spot-check.')).json<{
      entries: { action: string; entityId: string; after?: Record<string, unknown> }[];
    }>();
    const drawn = trail.entries.find((e) => e.entityId === first.id);
    const redrawn = trail.entries.find((e) => e.entityId === redraw.id);
    expect(drawn).toMatchObject({ action: 'spot-check.drawn', after: { seed: first.seed } });
    expect(redrawn).toMatchObject({
      action: 'spot-check.redrawn',
      after: { seed: redraw.seed, redrawOf: first.id, reason },
    });
  });

  it('a reason is only for drawing again: the first draw of the day needs none', async () => {
    const res = await countySupervisor.request('POST', '/api/v1/spot-checks', {
      sampleSize: 1,
      reason: '想再抽一次看看',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SPOT_CHECK_NOTHING_TO_REDRAW', field: 'reason' });
  });

  it('of 50 first draws at once for the same region and day, exactly one is made; the others name it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => countySupervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 2 })),
    );
    const made = answers.filter((a) => a.statusCode === 201);
    expect(made).toHaveLength(1);
    const winner = made[0]!.json<View>().id;
    for (const a of answers.filter((x) => x.statusCode !== 201))
      expect(a.json<Refusal>()).toMatchObject({ code: 'SPOT_CHECK_ALREADY_DRAWN', errors: [{ spotCheckId: winner }] });
    const today = (await countySupervisor.request('GET', '/api/v1/spot-checks/today')).json<{ draws: View[] }>();
    expect(today.draws.map((d) => d.id)).toEqual([winner]);
  });

  it('the assigned inspector records the outcome; nobody else can', async () => {
    const clients = inspectorsByName();
    // The supervisor sees the whole check (their region); an item someone else inspects is not
    // theirs. The inspectors are drawn at random, so the item is chosen after the draw.
    const item = first.items.find((i) => i.inspector !== 'supervisor') ?? first.items[0]!;
    const stranger = item.inspector === 'supervisor' ? cityAuditor : supervisor;
    expect(
      (
        await stranger.request('POST', `/api/v1/spot-checks/${first.id}/items/${item.id}/outcome`, {
          outcome: 'no-problem',
          note: '核查无误',
        })
      ).json(),
    ).toMatchObject({ code: 'NOT_YOUR_INSPECTION' });
    // Someone outside the region with no item in the check does not see it at all.
    const outsider = await staff(app, 'auditor-elsewhere', ['auditor'], '510105');
    expect(
      (
        await outsider.request('POST', `/api/v1/spot-checks/${first.id}/items/${item.id}/outcome`, {
          outcome: 'no-problem',
          note: '核查无误',
        })
      ).json(),
    ).toMatchObject({ code: 'SPOT_CHECK_NOT_FOUND' });
    const recorded = await clients[item.inspector]!.request(
      'POST',
      `/api/v1/spot-checks/${first.id}/items/${item.id}/outcome`,
      { outcome: 'problem-found', note: '实地核查发现证书与本人不符' },
    );
    expect(recorded.json<View>().items.find((i) => i.id === item.id)).toMatchObject({ outcome: 'problem-found' });
  });

  it('each inspector finds their own items of every draw that stands, the open ones first, and nobody else’s', async () => {
    const clients = inspectorsByName();
    type Assigned = {
      inspections: { itemId: string; spotCheckId: string; applicationNumber: string; outcome?: string }[];
    };
    // Every draw of the day, the city's (its first and its redraws) and the county's.
    const draws: View[] = [];
    for (const drawer of [supervisor, countySupervisor])
      draws.push(...(await drawer.request('GET', '/api/v1/spot-checks/today')).json<{ draws: View[] }>().draws);
    expect(draws.some((d) => d.redrawOf !== undefined)).toBe(true);
    const recorded = first.items.find((i) => i.inspector !== 'supervisor') ?? first.items[0]!;
    for (const [name, client] of Object.entries(clients)) {
      const res = await client.request('GET', '/api/v1/spot-checks/assigned');
      expectOk(res);
      const mine = res.json<Assigned>().inspections;
      // The count of open items in all: here every one is listed.
      expect(res.json<{ open: number }>().open).toBe(mine.filter((m) => m.outcome === undefined).length);
      // The first draw of each region and day is inspected; a redraw stays on record only.
      const expected = draws
        .filter((d) => d.redrawOf === undefined)
        .flatMap((d) => d.items.filter((i) => i.inspector === name).map((i) => i.id));
      expect(mine.map((m) => m.itemId).sort()).toEqual(expected.sort());
      // Open before recorded: once an outcome is seen, every item after has one too.
      const firstDone = mine.findIndex((m) => m.outcome !== undefined);
      if (firstDone >= 0) expect(mine.slice(firstDone).every((m) => m.outcome !== undefined)).toBe(true);
      if (name === recorded.inspector)
        expect(mine.find((m) => m.itemId === recorded.id)).toMatchObject({
          outcome: 'problem-found',
          applicationNumber: recorded.applicationNumber,
        });
    }
    // A clerk inspects nothing and may not ask.
    const clerk = await staff(app, 'spot-clerk', ['clerk'], '510104');
    expect((await clerk.request('GET', '/api/v1/spot-checks/assigned')).statusCode).toBe(403);
  });

  it('the region’s past draws are listed newest first, each redraw beside the first, with outcomes so far', async () => {
    type History = {
      total: number;
      draws: {
        id: string;
        regionCode: string;
        redrawOf?: string;
        reason?: string;
        items: number;
        recorded: number;
        problems: number;
      }[];
    };
    const history = (await supervisor.request('GET', '/api/v1/spot-checks')).json<History>();
    // The city sees its own draws and the county's below it: the first, its redraw, the county's one.
    expect(history.total).toBe(3);
    expect(history.draws.map((d) => d.regionCode).sort()).toEqual(['510100', '510100', '510104']);
    const listed = history.draws.find((d) => d.id === first.id)!;
    expect(listed).toMatchObject({ items: 8, recorded: 1, problems: 1 });
    expect(history.draws.find((d) => d.redrawOf === first.id)?.reason).toContain('回避');
    // Newest first: the redraw was made after the first.
    expect(history.draws.findIndex((d) => d.redrawOf === first.id)).toBeLessThan(
      history.draws.findIndex((d) => d.id === first.id),
    );
    // The county's auditor sees only the county's draw; a neighbouring county's sees none.
    const county = (await auditor.request('GET', '/api/v1/spot-checks')).json<History>();
    expect(county.draws.map((d) => d.regionCode)).toEqual(['510104']);
    const neighbour = await staff(app, 'auditor-neighbour', ['auditor'], '510106');
    expect((await neighbour.request('GET', '/api/v1/spot-checks')).json()).toEqual({ total: 0, draws: [] });
    // A day with no draw, and a period that ends before it starts.
    expect(
      (await supervisor.request('GET', '/api/v1/spot-checks?from=2026-11-01&to=2026-11-22')).json<History>().total,
    ).toBe(0);
    expect((await supervisor.request('GET', '/api/v1/spot-checks?from=2026-11-23&to=2026-11-01')).json()).toMatchObject(
      {
        code: 'PERIOD_REVERSED',
        field: 'to',
      },
    );
  });

  it('the next day is a new period: its first draw needs no reason', async () => {
    clock.setDate('2026-11-24');
    // A new day is a new session too (the old one has timed out).
    const res = await (await login(app, 'supervisor')).request('POST', '/api/v1/spot-checks', { sampleSize: 1 });
    expectOk(res, 201);
    expect(res.json<View>()).toMatchObject({ period: '2026-11-24' });
    expect(res.json<View>().redrawOf).toBeUndefined();
  });
});
