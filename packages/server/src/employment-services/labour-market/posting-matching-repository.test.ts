import { addDays } from '@huimin/policy';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode } from '../../../../policy/src/testing/builders.js';
import { staff } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { mediumGroup } from './occupations.js';
import {
  postingsForSeekerQuery,
  rankPostingsForSeeker,
  type HeldCertificate,
  type SeekerToMatch,
} from './posting-matching-repository.js';
import { scoreByRules, topByRules } from './matching.test-kit.js';

/**
 * A seeker's postings are ranked by their points (occupation 40/25/15, county 30 or city 20, pay
 * 20/10/0, a certificate the posting's level asks for 10), then by id, among the postings published
 * and open today, not gigs, of the seeker's 中类 in its city. Matching reads them level by level and
 * stops once the top is full; whatever the postings, the answer is the ranking of every one, and so
 * is the one query's.
 */
let app: TestApp;
let account = '';
let unit = '';
let station = '';

const TODAY = '2026-12-03';

beforeAll(async () => {
  app = await startTestApp();
  await staff(app, 'match-postings-clerk', ['clerk'], '510104');
  const db = app.database.db;
  account = (
    await db.selectFrom('account').select('id').where('username', '=', 'match-postings-clerk').executeTakeFirstOrThrow()
  ).id;
  unit = (
    await db
      .insertInto('organisation')
      .values({
        credit_code: creditCode('510104'),
        name: '锦江示例有限公司',
        category: 'enterprise',
        region_code: '510104',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  station = (
    await db
      .insertInto('gig_station')
      .values({
        name: '锦江零工驿站',
        region_code: '510104',
        operator_id: unit,
        address: '示例路1号',
        opened_on: '2026-01-01',
        created_by: account,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => app.close());

/** Three 中类 (4-01 营销, 4-03 烹饪, 6-18 机械加工); 6-18 has two 小类 (车工, 铣工; 焊工). */
const CODES = ['4-01-02-01', '4-01-02-02', '4-03-02-01', '4-03-02-03', '6-18-01-01', '6-18-01-02', '6-18-02-04'];

interface Posting {
  code: string;
  region: string;
  payMinFen: number;
  payMaxFen: number;
  minLevel: number | null;
  validFrom: string;
  validTo: string;
  state: 'published' | 'withdrawn' | 'submitted';
  gig: boolean;
  id?: string;
}

const posting: fc.Arbitrary<Posting> = fc
  .record({
    code: fc.constantFrom(...CODES),
    region: fc.constantFrom('510104', '510105', '620102'),
    payMinFen: fc.constantFrom(300_000, 400_000, 450_000, 600_000),
    spread: fc.constantFrom(0, 100_000, 200_000),
    minLevel: fc.constantFrom(null, 3, 4, 5),
    // The day before, the day of and after today: both ends of validity are crossed.
    from: fc.constantFrom(-10, 0, 1),
    to: fc.constantFrom(-1, 0, 30),
    state: fc.constantFrom('published', 'published', 'published', 'published', 'withdrawn', 'submitted'),
    gig: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  })
  .map((p) => ({
    code: p.code,
    region: p.region,
    payMinFen: p.payMinFen,
    payMaxFen: p.payMinFen + p.spread,
    minLevel: p.minLevel,
    validFrom: addDays(TODAY, p.from),
    validTo: addDays(TODAY, Math.max(p.from, p.to)),
    state: p.state,
    gig: p.gig,
  }));

const seeker: fc.Arbitrary<SeekerToMatch> = fc
  .record({
    region: fc.constantFrom('510104', '510105'),
    codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
    wish: fc.constantFrom(300_000, 400_000, 450_000, 600_000),
  })
  .map((s) => ({
    region_code: s.region,
    occupation_codes: s.codes,
    occupation_groups: [...new Set(s.codes.map(mediumGroup))],
    pay_min_fen: s.wish,
  }));

const certificates: fc.Arbitrary<HeldCertificate[]> = fc.array(
  fc.record({ code: fc.constantFrom(...CODES), level: fc.integer({ min: 3, max: 5 }) }),
  { maxLength: 3 },
);

/** The ranking as the rules say, over every posting: what matching must return. */
function expected(
  rows: (Posting & { id: string })[],
  s: SeekerToMatch,
  held: HeldCertificate[],
  limit: number,
): { id: string; score: number }[] {
  const scored = rows
    .filter(
      (p) =>
        p.state === 'published' &&
        p.validFrom <= TODAY &&
        p.validTo >= TODAY &&
        !p.gig &&
        s.occupation_groups.includes(mediumGroup(p.code)) &&
        p.region.slice(0, 4) === s.region_code.slice(0, 4),
    )
    .map((p) => ({
      id: p.id,
      score: scoreByRules({
        seekerCodes: s.occupation_codes,
        seekerRegion: s.region_code,
        wishFen: s.pay_min_fen,
        postingCode: p.code,
        postingRegion: p.region,
        payMinFen: p.payMinFen,
        payMaxFen: p.payMaxFen,
        certified: held.some((c) => c.code === p.code && (p.minLevel === null || c.level <= p.minLevel)),
      }),
    }));
  return topByRules(scored, limit);
}

async function insert(postings: Posting[]): Promise<(Posting & { id: string })[]> {
  const db = app.database.db;
  await db.deleteFrom('gig_posting').execute();
  await db.deleteFrom('job_posting').execute();
  if (postings.length === 0) return [];
  const rows = await db
    .insertInto('job_posting')
    .values(
      postings.map((p) => ({
        ...(p.id ? { id: p.id } : {}),
        organisation_id: unit,
        title: '示例岗位',
        occupation_code: p.code,
        headcount: 1,
        pay_min_fen: p.payMinFen,
        pay_max_fen: p.payMaxFen,
        region_code: p.region,
        place: '示例路1号',
        requirements: '',
        description: '',
        min_level: p.minLevel,
        contact: '人事部',
        valid_from: p.validFrom,
        valid_to: p.validTo,
        state: p.state,
        posted_by: account,
        search_text: '示例岗位',
        search_terms: ['示', '例'],
      })),
    )
    .returning('id')
    .execute();
  const out = postings.map((p, i) => ({ ...p, id: rows[i]?.id ?? '' }));
  const gigs = out.filter((p) => p.gig);
  if (gigs.length > 0)
    await db
      .insertInto('gig_posting')
      .values(gigs.map((p) => ({ posting_id: p.id, station_id: station, pay_unit: 'day' as const })))
      .execute();
  return out;
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** A seeker in 锦江区 wanting 营销员 at 4,000 yuan a month. */
const SALES: SeekerToMatch = {
  region_code: '510104',
  occupation_codes: ['4-01-02-01'],
  occupation_groups: ['4-01'],
  pay_min_fen: 400_000,
};
const open = {
  code: '4-01-02-01',
  region: '510104',
  payMinFen: 400_000,
  payMaxFen: 500_000,
  minLevel: null,
  validFrom: addDays(TODAY, -5),
  validTo: addDays(TODAY, 30),
  state: 'published',
  gig: false,
} as const satisfies Posting;

async function ranked(s: SeekerToMatch, held: HeldCertificate[], limit: number) {
  const { rows, levels } = await rankPostingsForSeeker(app.database.db, s, held, TODAY, limit);
  return { rows: rows.map((r) => ({ id: r.id, score: r.score })), levels };
}

describe('the postings for a seeker', () => {
  it('stops at the first level when it fills the top, whatever the levels below hold', async () => {
    // 40 + 30 + 20 = 90 thrice; in the city, not the county, and a smaller id: 80.
    await insert([
      ...[3, 4, 5].map((n): Posting => ({ ...open, id: id(n) })),
      { ...open, region: '510105', id: id(1) },
    ]);
    expect(await ranked(SALES, [], 2)).toEqual({
      rows: [
        { id: id(3), score: 90 },
        { id: id(4), score: 90 },
      ],
      levels: [90],
    });
  });

  it('reads on to the lower levels when the top one is short, the same 中类 last', async () => {
    const lathe: SeekerToMatch = {
      region_code: '510105',
      occupation_codes: ['6-18-01-01'],
      occupation_groups: ['6-18'],
      pay_min_fen: 450_000,
    };
    const here = { ...open, region: '510105' };
    const rows = await insert([
      { ...here, code: '6-18-01-01', payMinFen: 450_000, id: id(9) }, // 40 + 30 + 20
      { ...here, code: '6-18-01-02', payMinFen: 400_000, id: id(8) }, // 25 + 30 + 10
      { ...here, code: '6-18-02-04', region: '510104', id: id(1) }, // 15 + 20 + 10
      { ...here, code: '6-18-02-04', payMinFen: 300_000, payMaxFen: 400_000, id: id(2) }, // 15 + 30 + 0
      { ...here, code: '4-01-02-01', payMinFen: 900_000, payMaxFen: 900_000, id: id(3) }, // another 中类: none
    ]);
    const { rows: found, levels } = await ranked(lathe, [], 4);
    expect(found).toEqual(expected(rows, lathe, [], 4));
    expect(found.map((r) => r.score)).toEqual([90, 65, 45, 45]);
    expect(levels.at(-1)).toBe(45);
  });

  it('fills the last place from a whole level: a later tier of it may hold the smaller id', async () => {
    // The seeker holds the 营销员 certificate at level 4. At 100: county, pay met, certificate.
    // At 90 two tiers: the county with the pay met but a posting asking level 3 (no certificate),
    // and the city with the pay met and the certificate. The city's has the smaller id and takes
    // the second place; a reader stopping once a tier fills the top would take the county's.
    const held = [{ code: '4-01-02-01', level: 4 }];
    const rows = await insert([
      { ...open, minLevel: 4, id: id(5) },
      { ...open, minLevel: 3, id: id(3) },
      { ...open, region: '510105', minLevel: 5, id: id(2) },
      { ...open, region: '510105', minLevel: 3, id: id(1) }, // 80: below the cut
    ]);
    const { rows: found, levels } = await ranked(SALES, held, 2);
    expect(found).toEqual([
      { id: id(5), score: 100 },
      { id: id(2), score: 90 },
    ]);
    expect(found).toEqual(expected(rows, SALES, held, 2));
    expect(levels).toEqual([100, 90]);
  });

  it('counts a posting open on its first and last day, not the day before it opens or after it ends', async () => {
    await insert([
      { ...open, validTo: TODAY, id: id(1) },
      { ...open, validFrom: TODAY, id: id(2) },
      { ...open, validFrom: addDays(TODAY, -30), validTo: addDays(TODAY, -1), id: id(3) },
      { ...open, validFrom: addDays(TODAY, 1), id: id(4) },
    ]);
    expect((await ranked(SALES, [], 5)).rows.map((r) => r.id)).toEqual([id(1), id(2)]);
    const one = (await postingsForSeekerQuery(SALES, [], TODAY, 5).execute(app.database.db)).rows;
    expect(one.map((r) => r.id)).toEqual([id(1), id(2)]);
  });

  it('are every open posting ranked by the rules, ties by id, both tier by tier and in one query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(posting, { maxLength: 40 }),
        seeker,
        certificates,
        fc.integer({ min: 1, max: 12 }),
        async (postings, s, held, limit) => {
          const rows = await insert(postings);
          const want = expected(rows, s, held, limit);
          expect((await ranked(s, held, limit)).rows).toEqual(want);
          const one = (await postingsForSeekerQuery(s, held, TODAY, limit).execute(app.database.db)).rows;
          expect(one.map((r) => ({ id: r.id, score: Number(r.score) }))).toEqual(want);
        },
      ),
      { numRuns: 60, seed: 2026 },
    );
  });
});
