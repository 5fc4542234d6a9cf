import { addDays } from '@huimin/policy';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { staff } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { seekersForPosting } from './matching-repository.js';
import { mediumGroup, OCCUPATIONS } from './occupations.js';

/**
 * The seekers for a posting are ranked by their points (occupation 40/25/15, county 30 or city 20,
 * pay 20/10/0, a certificate at the level asked 10), then by id. The query looks a certificate up
 * only for seekers who can still reach the top; whatever the seekers, the answer is the ranking of
 * every one of them.
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

/** Occupations of two 中类 (4-01 营销, 4-03 烹饪), so exact, 小类 and 中类 matches all occur. */
const CODES = ['4-01-02-01', '4-01-02-02', '4-03-02-01', '4-03-02-03'];
const NAME = new Map(OCCUPATIONS.map((o) => [o.code, o.zh]));
const POSTING = {
  occupation_code: '4-01-02-01',
  occupation_name: '营销员',
  region_code: '510104',
  pay_min_fen: 400_000,
  pay_max_fen: 500_000,
  min_level: 4,
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
function expected(rows: (Seeker & { id: string })[], limit: number): { id: string; score: number }[] {
  const city = POSTING.region_code.slice(0, 4);
  return rows
    .filter(
      (s) =>
        s.active &&
        s.region.startsWith(city) &&
        s.availableFrom <= POSTING.valid_to &&
        s.codes.some((c) => mediumGroup(c) === mediumGroup(POSTING.occupation_code)),
    )
    .map((s) => {
      const occupation = s.codes.includes(POSTING.occupation_code)
        ? 40
        : s.codes.some((c) => c.slice(0, 7) === POSTING.occupation_code.slice(0, 7))
          ? 25
          : 15;
      const region = s.region === POSTING.region_code ? 30 : 20;
      const pay = POSTING.pay_min_fen >= s.payMinFen ? 20 : POSTING.pay_max_fen >= s.payMinFen ? 10 : 0;
      const certificate =
        s.certificate &&
        NAME.get(s.certificate.code) === POSTING.occupation_name &&
        s.certificate.level <= POSTING.min_level
          ? 10
          : 0;
      return { id: s.id, score: occupation + region + pay + certificate };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
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

describe('the seekers for a posting', () => {
  it('one a certificate lifts to the score at the cut is ranked by id with those already there', async () => {
    await app.database.db.deleteFrom('job_seeker').execute();
    const near = { region: '510104', codes: ['4-01-02-01'], availableFrom: '2026-12-01', active: true } satisfies Omit<
      Seeker,
      'payMinFen'
    >;
    // 40 + 30 + 20: the best without a certificate.
    const payFits = { ...near, payMinFen: 400_000, id: '00000000-0000-4000-8000-000000000002' };
    // 40 + 30 + 10, and the 营销员 certificate at level 4: 90 as well, and the smaller id.
    const certified = {
      ...near,
      payMinFen: 450_000,
      certificate: { code: '4-01-02-01', level: 4 },
      id: '00000000-0000-4000-8000-000000000001',
    };
    await insert([payFits, certified]);
    const found = await seekersForPosting(app.database.db, POSTING, 1);
    expect(found).toEqual([expect.objectContaining({ id: certified.id, score: 90, certificate_points: 10 })]);
  });

  it('are every seeker ranked by the rules, ties by id, however many share a score', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(seeker, { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        async (seekers, limit) => {
          await app.database.db.deleteFrom('job_seeker').execute();
          const rows = await insert(seekers);
          const found = await seekersForPosting(app.database.db, POSTING, limit);
          expect(found.map((r) => ({ id: r.id, score: r.score }))).toEqual(expected(rows, limit));
        },
      ),
      { numRuns: 20, seed: 2026 },
    );
  });
});
