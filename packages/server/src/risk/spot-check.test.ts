import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let supervisor: Client, auditor: Client, auditor2: Client;

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
  for (let i = 0; i < 8; i++) {
    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1987-07-07'),
      name: `抽查${i}`,
      regionCode: '510104',
      facts: [
        { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
        {
          kind: 'certificate',
          data: {
            id: 'E1',
            kind: 'skill-level',
            occupation: '焊工',
            level: 5,
            issuedOn: '2026-10-01',
            firstEvaluation: true,
          },
        },
      ],
    });
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'skill-evaluation',
      personId: person.json<{ id: string }>().id,
      claim: { certificateId: 'E1' },
      idempotencyKey: `spot-${i}-key`,
      submit: true,
    });
    const id = filed.json<{ id: string }>().id;
    for (const [c, a] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
    ] as const)
      expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action: a }));
  }
}, 60_000);
afterAll(() => app.close());

type View = {
  id: string;
  seed: string;
  candidates: number;
  items: { id: string; applicationId: string; inspector: string; outcome?: string }[];
};

describe('spot checks (双随机)', () => {
  it('draws from a recorded seed, reproducibly, with inspectors from the region', async () => {
    const first = await supervisor.request('POST', '/api/v1/spot-checks', {
      sampleSize: 3,
      seed: '2026-11-23/510100/demo-seed',
    });
    expectOk(first, 201);
    const view = first.json<View>();
    expect(view.candidates).toBe(8);
    expect(view.items).toHaveLength(3);
    expect(view.items.every((i) => ['supervisor', 'auditor', 'auditor2'].includes(i.inspector))).toBe(true);
    expect((await supervisor.request('GET', `/api/v1/spot-checks/${view.id}/reproduction`)).json()).toEqual({
      identical: true,
    });
    const again = (
      await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 3, seed: '2026-11-23/510100/demo-seed' })
    ).json<View>();
    expect(again.items.map((i) => [i.applicationId, i.inspector])).toEqual(
      view.items.map((i) => [i.applicationId, i.inspector]),
    );
  });

  it('the assigned inspector records the outcome; nobody else can', async () => {
    const drawn = (await supervisor.request('POST', '/api/v1/spot-checks', { sampleSize: 8 })).json<View>();
    expect(drawn.seed).toMatch(/^2026-11-23\/510100\/[0-9a-f]{32}$/);
    // An item someone other than the supervisor inspects (the draw is random: another seed if none is).
    let view = drawn;
    for (let k = 0; k < 20 && view.items.every((i) => i.inspector === 'supervisor'); k++)
      view = (
        await supervisor.request('POST', '/api/v1/spot-checks', {
          sampleSize: 8,
          seed: `2026-11-23/510100/outcome-${k}`,
        })
      ).json<View>();
    const clients: Record<string, Client> = { supervisor, auditor, auditor2 };
    const item = view.items.find((i) => i.inspector !== 'supervisor')!;
    // The supervisor sees the whole check (their region) but the item is not theirs.
    expect(
      (
        await supervisor.request('POST', `/api/v1/spot-checks/${view.id}/items/${item.id}/outcome`, {
          outcome: 'no-problem',
          note: '核查无误',
        })
      ).json(),
    ).toMatchObject({ code: 'NOT_YOUR_INSPECTION' });
    // Someone outside the region with no item in the check does not see it at all.
    const outsider = await staff(app, 'auditor-elsewhere', ['auditor'], '510105');
    expect(
      (
        await outsider.request('POST', `/api/v1/spot-checks/${view.id}/items/${item.id}/outcome`, {
          outcome: 'no-problem',
          note: '核查无误',
        })
      ).json(),
    ).toMatchObject({ code: 'SPOT_CHECK_NOT_FOUND' });
    const recorded = await clients[item.inspector]!.request(
      'POST',
      `/api/v1/spot-checks/${view.id}/items/${item.id}/outcome`,
      { outcome: 'problem-found', note: '实地核查发现证书与本人不符' },
    );
    expect(recorded.json<View>().items.find((i) => i.id === item.id)).toMatchObject({ outcome: 'problem-found' });
  });
});
