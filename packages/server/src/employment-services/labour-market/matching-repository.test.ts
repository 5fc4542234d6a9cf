import { addDays } from '@huimin/policy';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { staff } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import {
  rankSeekersForPosting,
  seekersForPosting,
  seekersForPostingQuery,
  type PostingToMatch,
} from './matching-repository.js';
import { mediumGroup, OCCUPATIONS } from './occupations.js';
import { scoreByRules, topByRules } from './matching.test-kit.js';

/**
 * The seekers for a posting are ranked by their points (occupation 40/25/15, county 30 or city 20,
 * pay 20/10/0, a certificate at the level asked 10), then by id. Matching reads them tier by tier and
 * stops once no lower tier can enter; the one-query ranking looks a certificate up only for seekers
 * who can still reach the top. Whatever the seekers, both answers are the ranking of every one.
 */
let app: TestApp;
let account = '';
let serial = 0;

beforeAll(async () => {
  app = await startTestApp();
  await staff(app, 'match-clerk', ['clerk'], '510104');
  const row = await app.database.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', 'match-clerk')
    .executeTakeFirstOrThrow();
  account = row.id;
});
afterAll(() => app.close());

/**
 * Occupations of three 中类 (4-01 营销, 4-03 烹饪, 6-18 机械加工), so exact, 小类, 中类 and no matches
 * all occur: 6-18 has two 小类 (车工 and 铣工 in 6-18-01, 焊工 in 6-18-02).
 */
const CODES = ['4-01-02-01', '4-01-02-02', '4-03-02-01', '4-03-02-03', '6-18-01-01', '6-18-01-02', '6-18-02-04'];
const NAME = new Map(OCCUPATIONS.map((o) => [o.code, o.zh]));
const POSTING: PostingToMatch = {
  occupation_code: '4-01-02-01',
  occupation_name: '营销员',
  region_code: '510104',
  pay_min_fen: 400_000,
  pay_max_fen: 500_000,
  min_level: 4,
  valid_to: '2027-01-31',
};
/** A 车工 posting asking no certificate level: its 中类 has a second 小类. */
const LATHE: PostingToMatch = {
  occupation_code: '6-18-01-01',
  occupation_name: '车工',
  region_code: '510105',
  pay_min_fen: 450_000,
  pay_max_fen: 600_000,
  min_level: null,
  valid_to: '2027-01-31',
};

interface Seeker {
  region: string;
  codes: string[];
  payMinFen: number;
  availableFrom: string;
  active: boolean;
  certificate?: { code: string; level: number };
}

const seeker: fc.Arbitrary<Seeker> = fc.record(
  {
    region: fc.constantFrom('510104', '510105', '620102'),
    codes: fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 2 }),
    payMinFen: fc.constantFrom(300_000, 400_000, 450_000, 600_000),
    availableFrom: fc.constantFrom('2026-12-01', '2027-02-01'),
    active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    certificate: fc.option(fc.record({ code: fc.constantFrom(...CODES), level: fc.integer({ min: 3, max: 5 }) }), {
      nil: undefined,
    }),
  },
  { requiredKeys: ['region', 'codes', 'payMinFen', 'availableFrom', 'active'] },
);

/** The ranking as the rules say, over every seeker: what the query must return. */
function expected(
  rows: (Seeker & { id: string })[],
  limit: number,
  posting: PostingToMatch = POSTING,
): { id: string; score: number }[] {
  const city = posting.region_code.slice(0, 4);
  const scored = rows
    .filter(
      (s) =>
        s.active &&
        s.region.startsWith(city) &&
        s.availableFrom <= posting.valid_to &&
        s.codes.some((c) => mediumGroup(c) === mediumGroup(posting.occupation_code)),
    )
    .map((s) => ({
      id: s.id,
      score: scoreByRules({
        seekerCodes: s.codes,
        seekerRegion: s.region,
        wishFen: s.payMinFen,
        postingCode: posting.occupation_code,
        postingRegion: posting.region_code,
        payMinFen: posting.pay_min_fen,
        payMaxFen: posting.pay_max_fen,
        certified:
          !!s.certificate &&
          NAME.get(s.certificate.code) === posting.occupation_name &&
          (posting.min_level === null || s.certificate.level <= posting.min_level),
      }),
    }));
  return topByRules(scored, limit);
}

async function insert(seekers: (Seeker & { id?: string })[]): Promise<(Seeker & { id: string })[]> {
  const db = app.database.db;
  const out: (Seeker & { id: string })[] = [];
  for (const s of seekers) {
    const number = idNumber(addDays('1970-01-01', serial++));
    const person = await db
      .insertInto('person')
      .values({
        id_number_hmac: app.vault.lookupHash('id-number', number),
        id_number_cipher: app.vault.encrypt(number),
        id_number_masked: number.slice(0, 6),
        name: `求职者${serial}`,
        sex: 'male',
        birth_date: '1980-01-01',
        retirement_category: 'male',
        region_code: s.region,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('job_seeker')
      .values({
        ...(s.id ? { id: s.id } : {}),
        person_id: person.id,
        region_code: s.region,
        occupation_codes: s.codes,
        occupation_groups: [...new Set(s.codes.map(mediumGroup))],
        pay_min_fen: s.payMinFen,
        available_from: s.availableFrom,
        active: s.active,
        skills: '',
        created_by: account,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (s.certificate)
      await db
        .insertInto('registry_fact')
        .values({
          person_id: person.id,
          organisation_id: null,
          kind: 'certificate',
          data: JSON.stringify({ occupation: NAME.get(s.certificate.code), level: s.certificate.level }),
          source: 'import',
          recorded_by: account,
        })
        .execute();
    out.push({ ...s, id: row.id });
  }
  return out;
}

const near = { region: '510104', codes: ['4-01-02-01'], availableFrom: '2026-12-01', active: true } as const;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function ranked(posting: PostingToMatch, limit: number) {
  return (await rankSeekersForPosting(app.database.db, posting, limit)).rows.map((r) => ({ id: r.id, score: r.score }));
}

describe('the seekers for a posting', () => {
  it('one a certificate lifts to the score at the cut is ranked by id with those already there', async () => {
    await app.database.db.deleteFrom('job_seeker').execute();
    // 40 + 30 + 20: the best without a certificate.
    const payFits = { ...near, codes: [...near.codes], payMinFen: 400_000, id: id(2) };
    // 40 + 30 + 10, and the 营销员 certificate at level 4: 90 as well, and the smaller id.
    const certified = { ...payFits, payMinFen: 450_000, certificate: { code: '4-01-02-01', level: 4 }, id: id(1) };
    await insert([payFits, certified]);
    expect(await seekersForPosting(app.database.db, POSTING, 1)).toEqual([
      expect.objectContaining({ id: certified.id, score: 90, certificate_points: 10 }),
    ]);
    expect((await seekersForPostingQuery(POSTING, 1).execute(app.database.db)).rows).toEqual([
      expect.objectContaining({ id: certified.id }),
    ]);
  });

  it('a certificate holder at the score of a tier not yet read waits for it: the tier may hold a smaller id', async () => {
    await app.database.db.deleteFrom('job_seeker').execute();
    // The certificate holder is found first at 90; the level of 90 without one must still be read,
    // for its smaller id comes first. Stopping at a 20th best equal to a level would miss it.
    const certified = {
      ...near,
      codes: [...near.codes],
      payMinFen: 450_000,
      certificate: { code: '4-01-02-01', level: 4 },
      id: id(2),
    };
    const payFits = { ...near, codes: [...near.codes], payMinFen: 400_000, id: id(1) };
    await insert([certified, payFits]);
    const { rows, levels } = await rankSeekersForPosting(app.database.db, POSTING, 1);
    expect(rows.map((r) => r.id)).toEqual([payFits.id]);
    expect(levels).toEqual([90]);
  });

  it('stops at the first tier when it fills the top, whatever the tiers below hold', async () => {
    await app.database.db.deleteFrom('job_seeker').execute();
    const county = [3, 4, 5].map((n) => ({ ...near, codes: [...near.codes], payMinFen: 300_000, id: id(n) }));
    // In the city, not the county, and a smaller id: 80, below the top tier's 90.
    const city = { ...near, codes: [...near.codes], region: '510105', payMinFen: 300_000, id: id(1) };
    await insert([...county, city]);
    const { rows, levels } = await rankSeekersForPosting(app.database.db, POSTING, 2);
    expect(rows.map((r) => ({ id: r.id, score: r.score }))).toEqual([
      { id: id(3), score: 90 },
      { id: id(4), score: 90 },
    ]);
    expect(levels).toEqual([90]);
  });

  it('reads on to the lower tiers when the top one is short, the same 中类 last', async () => {
    await app.database.db.deleteFrom('job_seeker').execute();
    const lathe = { region: '510105', availableFrom: '2026-12-01', active: true };
    const seekers = [
      { ...lathe, codes: ['6-18-01-01'], payMinFen: 400_000, id: id(9) }, // 40 + 30 + 20
      { ...lathe, codes: ['6-18-01-02'], payMinFen: 500_000, id: id(8) }, // 25 + 30 + 10
      { ...lathe, codes: ['6-18-02-04'], region: '510104', payMinFen: 400_000, id: id(1) }, // 15 + 20 + 20
      { ...lathe, codes: ['6-18-02-04', '4-01-02-01'], payMinFen: 900_000, id: id(2) }, // 15 + 30 + 0
      { ...lathe, codes: ['4-01-02-01'], payMinFen: 400_000, id: id(3) }, // another 中类: none
    ];
    const rows = await insert(seekers);
    const { rows: found, levels } = await rankSeekersForPosting(app.database.db, LATHE, 4);
    expect(found.map((r) => ({ id: r.id, score: r.score }))).toEqual(expected(rows, 4, LATHE));
    expect(found.map((r) => r.score)).toEqual([90, 65, 55, 45]);
    expect(levels.at(-1)).toBe(45);
  });

  it('are every seeker ranked by the rules, ties by id, however many share a score', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(seeker, { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(POSTING, LATHE),
        async (seekers, limit, posting) => {
          await app.database.db.deleteFrom('job_seeker').execute();
          const rows = await insert(seekers);
          const want = expected(rows, limit, posting);
          expect(await ranked(posting, limit)).toEqual(want);
          const single = (await seekersForPostingQuery(posting, limit).execute(app.database.db)).rows;
          expect(single.map((r) => ({ id: r.id, score: Number(r.score) }))).toEqual(want);
        },
      ),
      { numRuns: 40, seed: 2026 },
    );
  });
});
