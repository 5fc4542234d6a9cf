import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import type { Actor } from '../auth/actor.js';
import { regionRange } from '../regions/region-scope.js';
import { expectOk, staff, TestClock } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { offersMade, supervisorActor } from './sweep.test-kit.js';
import type { Place } from './sweep-batch.js';
import { partBounds, type PartBounds } from './sweep-parts.js';

/**
 * A sweep cut into parts by (region, id) range (decision 009) decides the same registry as a sweep
 * of one part: whatever the number of parts and whatever order workers take their slices in, the
 * same offers, each once, every person and unit counted once. And the parts' ends tile the key
 * space, so a person added during the sweep falls in exactly one part.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let actor: Actor;
const PEOPLE = 25;
const UNITS = 7;

const profiles: { kind: string; data: object }[][] = [
  [
    { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
    { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
  ],
  [{ kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } }],
  [{ kind: 'employment', data: { kind: 'labour-contract', from: '2024-03-01', contractMonths: 36 } }],
  [],
];

beforeAll(async () => {
  app = await startTestApp({ clock });
  const clerk = await staff(app, 'clerk', ['clerk'], '510100');
  await staff(app, 'supervisor', ['supervisor'], '510100');
  for (let i = 0; i < PEOPLE; i++)
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber(i % 2 === 0 ? '2004-05-05' : '1975-03-03'),
        // Two districts, so the parts' ends fall on either side of a region's edge.
        regionCode: i % 3 === 0 ? '510105' : '510104',
        name: `居民${i}`,
        facts: profiles[i % profiles.length],
      }),
      201,
    );
  for (let i = 0; i < UNITS; i++) {
    const code = creditCode('510104');
    expectOk(
      await clerk.request('POST', '/api/v1/organisations', {
        creditCode: code,
        name: `单位${i}`,
        category: 'enterprise',
        sizeClass: 'small',
        regionCode: '510104',
        facts: [],
      }),
      201,
    );
  }
  actor = await supervisorActor(app);
}, 120_000);
afterAll(() => app.close());

const offers = () => offersMade(app);

/** Whether a (region, id) key lies in a part: after its lower end, up to its upper end (uuids order as their text). */
const within = (key: { region: string; id: string }, part: PartBounds) => {
  const cmp = (a: { region: string; id: string }, b: NonNullable<Place>) =>
    a.region < b.region ? -1 : a.region > b.region ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return (part.after === null || cmp(key, part.after) > 0) && (part.upto === null || cmp(key, part.upto) <= 0);
};

describe('a sweep cut into parts', () => {
  it('makes the offers a sweep of one part makes, each once, whatever the parts and the order they are taken in', async () => {
    app.sweeps.useDecidingThread(false);
    const one = await app.sweeps.start(actor);
    expect(await app.sweeps.run(one.id, actor, { batchSize: 4 })).toBe('done');
    const made = await offers();
    expect(made.length).toBeGreaterThan(5);

    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: PEOPLE + 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        async (parts, picks) => {
          await app.database.db.deleteFrom('offer').execute();
          const sweep = await app.sweeps.start(actor, undefined, parts);
          // Workers take one-batch slices of whichever part `picks` names, then of the parts left in turn.
          const left = new Set(Array.from({ length: parts }, (_, i) => i));
          let ended = 'paused';
          const take = async (part: number) => {
            ended = await app.sweeps.runPart(sweep.id, part, actor, { batchSize: 4, maxBatches: 1 });
            if (ended !== 'paused') left.delete(part);
          };
          for (const pick of picks) if (left.size > 0) await take([...left][pick % left.size] ?? 0);
          while (left.size > 0) await take([...left][0] ?? 0);
          expect(ended).toBe('done');
          expect(await offers()).toEqual(made);
          expect(await app.sweeps.get(actor, sweep.id)).toMatchObject({
            state: 'done',
            phase: 'units',
            peopleTotal: PEOPLE,
            peopleDone: PEOPLE,
            unitsTotal: UNITS,
            unitsDone: UNITS,
            offersCreated: made.length,
          });
        },
      ),
      { numRuns: 8 },
    );

    // In one process (the embedded database, the command line) the parts run one after another.
    await app.database.db.deleteFrom('offer').execute();
    const inProcess = await app.sweeps.start(actor, undefined, 3);
    expect(await app.sweeps.run(inProcess.id, actor, { batchSize: 4 })).toBe('done');
    expect(await offers()).toEqual(made);
    expect(await app.sweeps.get(actor, inProcess.id)).toMatchObject({
      state: 'done',
      peopleDone: PEOPLE,
      unitsDone: UNITS,
      offersCreated: made.length,
    });
  }, 240_000);

  it('has parts that cover every key, there now or added later, exactly once', async () => {
    const db = app.database.db;
    const range = regionRange('510100');
    const people = await db.selectFrom('person').select(['region_code', 'id']).execute();
    const uuid = fc.uuid().map((u) => u.toLowerCase());
    const region = fc.constantFrom('510104', '510105', '510106');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: PEOPLE + 3 }),
        fc.array(fc.record({ region, id: uuid }), { maxLength: 30 }),
        async (parts, added) => {
          const bounds = await partBounds(db, 'person', range, people.length, parts);
          expect(bounds).toHaveLength(parts);
          expect(bounds[0]?.after).toBeNull();
          expect(bounds[parts - 1]?.upto).toBeNull();
          for (const key of [...people.map((p) => ({ region: p.region_code, id: p.id })), ...added])
            expect(bounds.filter((b) => within(key, b))).toHaveLength(1);
          // As even as the registry allows: no part has more than its share and one.
          for (const b of bounds)
            expect(people.filter((p) => within({ region: p.region_code, id: p.id }, b)).length).toBeLessThanOrEqual(
              Math.ceil(people.length / parts),
            );
        },
      ),
      { numRuns: 30 },
    );
  });
});
