import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import type { Actor } from '../auth/actor.js';
import { expectOk, staff, TestClock } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { offersMade, supervisorActor } from './sweep.test-kit.js';

/**
 * Deciding in a worker thread (decision 009) changes where the engine runs, not what it decides:
 * the same registry swept on the main thread and then with the thread — in slices of three
 * batches, so the read-ahead meets the slices' ends — makes the same offers, each once. The thread
 * runs the compiled deciding module: build first (`npx tsc -b packages/policy packages/server`).
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let actor: Actor;

const profiles: { kind: string; data: object }[][] = [
  [
    { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
    { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
  ],
  [{ kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } }],
  [
    { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-01-01' } },
    { kind: 'employment', data: { kind: 'flexible', from: '2025-01-01' } },
    {
      kind: 'insurance',
      data: {
        fromMonth: '2025-01',
        toMonth: '2026-10',
        payer: 'self',
        pensionFen: 60_000,
        medicalFen: 30_000,
        unemploymentFen: 3_000,
      },
    },
  ],
  [{ kind: 'employment', data: { kind: 'labour-contract', from: '2024-03-01', contractMonths: 36 } }],
  [],
];

beforeAll(async () => {
  app = await startTestApp({ clock });
  const clerk = await staff(app, 'clerk', ['clerk'], '510104');
  await staff(app, 'supervisor', ['supervisor'], '510104');
  for (let i = 0; i < 25; i++)
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber(i % 2 === 0 ? '2004-05-05' : '1975-03-03'),
        name: `居民${i}`,
        regionCode: '510104',
        facts: profiles[i % profiles.length],
      }),
      201,
    );
  actor = await supervisorActor(app);
}, 120_000);
afterAll(() => app.close());

const offers = () => offersMade(app);

describe('the sweep deciding in a worker thread', () => {
  it('makes exactly the offers the main thread makes, each once', async () => {
    app.sweeps.useDecidingThread(false);
    const serial = await app.sweeps.start(actor);
    expect(await app.sweeps.run(serial.id, actor, { batchSize: 4 })).toBe('done');
    const made = await offers();
    expect(made.length).toBeGreaterThan(5);

    await app.database.db.deleteFrom('offer').execute();
    app.sweeps.useDecidingThread(true);
    const threaded = await app.sweeps.start(actor);
    let slices = 0;
    while ((await app.sweeps.run(threaded.id, actor, { batchSize: 4, maxBatches: 3 })) === 'paused') slices += 1;
    // 25 people in batches of four: seven batches, paused after three and after six; the third slice ends it.
    expect(slices).toBe(2);
    expect(await offers()).toEqual(made);
    expect(await app.sweeps.get(actor, threaded.id)).toMatchObject({
      state: 'done',
      peopleTotal: 25,
      peopleDone: 25,
      offersCreated: made.length,
    });
  }, 120_000);
});
