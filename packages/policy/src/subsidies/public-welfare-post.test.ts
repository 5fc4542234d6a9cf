import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../facts/facts.js';
import { engine, example, person, unmet } from '../testing/builders.js';

describe('公益性岗位补贴 (财社〔2023〕181号 第十一条)', () => {
  const wage = engine([example('minimum-wage.monthly', '620000', 198_000)]);
  const placed = (extra: Partial<PersonFacts> = {}) =>
    person({
      birthDate: '1978-05-01',
      statuses: [{ kind: 'hard-to-employ', from: '2023-01-01' }],
      employments: [{ kind: 'public-welfare-post', from: '2024-01-01', placement: 1 }],
      ...extra,
    });
  const ask = (p: PersonFacts, claim = { fromMonth: '2024-01', toMonth: '2024-06' }, date = '2024-07-10') =>
    wage.evaluate({ subsidy: 'public-welfare-post', region: '620102', date, applicant: p, claim });

  it('the local minimum wage for each month on the post', () => {
    expect(ask(placed())).toMatchObject({ eligible: true, amountFen: 6 * 198_000, perMonthFen: 198_000, months: 6 });
  });

  it('a third placement is refused', () => {
    const thrice = placed({
      employments: [1, 2, 3].map((n) => ({
        kind: 'public-welfare-post' as const,
        from: `202${n}-01-01`,
        to: n < 3 ? `202${n}-12-31` : undefined,
        placement: n,
      })) as PersonFacts['employments'],
    });
    expect(unmet(ask(thrice, { fromMonth: '2023-01', toMonth: '2023-06' }))).toContain('AT_MOST_TWO_PLACEMENTS');
  });

  it('累计安置次数不超过2次 counts the documented placement number when earlier posts are not on record', () => {
    const onlyCurrent = (placement: number) =>
      placed({ employments: [{ kind: 'public-welfare-post', from: '2024-01-01', placement }] });
    expect(ask(onlyCurrent(2)).eligible).toBe(true);
    const third = ask(onlyCurrent(3));
    expect(unmet(third)).toEqual(['AT_MOST_TWO_PLACEMENTS']);
    expect(third.reasons.find((r) => r.code === 'AT_MOST_TWO_PLACEMENTS')?.detail?.zh).toBe('已安置3次');
  });

  it('not without 就业困难人员 certification', () => {
    expect(unmet(ask(placed({ statuses: [] })))).toEqual(['HARD_TO_EMPLOY']);
  });

  it('通过公益性岗位安置: not someone on an ordinary labour contract', () => {
    const hired = placed({ employments: [{ kind: 'labour-contract', employer: 'X', from: '2024-01-01' }] });
    expect(unmet(ask(hired))).toContain('PLACED_ON_POST');
  });

  it('not 机关事业单位在编人员', () => {
    const staff = placed({
      statuses: [
        { kind: 'hard-to-employ', from: '2023-01-01' },
        { kind: 'civil-service-staff', from: '2024-01-01' },
      ],
    });
    expect(unmet(ask(staff))).toEqual(['NOT_CIVIL_SERVICE_STAFF']);
  });

  it('最长不超过3年 from the first month subsidised: paid since January 2021, December 2023 is the last month', () => {
    const since2021 = placed({
      statuses: [{ kind: 'hard-to-employ', from: '2020-06-01' }],
      employments: [{ kind: 'public-welfare-post', from: '2021-01-01', placement: 1 }],
      subsidies: [
        {
          subsidy: 'public-welfare-post',
          grantedOn: '2021-02-10',
          region: '620102',
          fromMonth: '2021-01',
          toMonth: '2023-11',
        },
      ],
    });
    expect(ask(since2021, { fromMonth: '2023-12', toMonth: '2023-12' })).toMatchObject({ eligible: true, months: 1 });
    expect(unmet(ask(since2021, { fromMonth: '2024-01', toMonth: '2024-01' }))).toEqual(['WITHIN_POST_PERIOD']);
  });
});

describe('乡村公益性岗位 (川办发〔2024〕34号 (十八)): a region may set a higher standard', () => {
  const sichuan = engine([
    example('minimum-wage.monthly', '510000', 200_000),
    example('rural-public-welfare-post.monthly', '510100', 230_000),
  ]);
  const onPost = (rural: boolean, from = '2024-08-01') =>
    person({
      birthDate: '1975-03-01',
      statuses: [{ kind: 'hard-to-employ', from: '2024-01-01' }],
      employments: [{ kind: 'public-welfare-post', from, placement: 1, rural }],
    });
  const ask = (p: PersonFacts, fromMonth: string, toMonth: string, date: string, region = '510104') =>
    sichuan.evaluate({ subsidy: 'public-welfare-post', region, date, applicant: p, claim: { fromMonth, toMonth } });

  it('a rural post in a city that raised the standard: 2,300元 a month instead of the minimum wage', () => {
    const d = ask(onPost(true), '2024-08', '2024-10', '2024-11-05');
    expect(d).toMatchObject({
      eligible: true,
      amountFen: 3 * 230_000,
      perMonthFen: 230_000,
      scheme: 'public-welfare-post/sichuan-2024',
    });
    expect(d.reasons.at(-1)?.cites).toBe('川办发〔2024〕34号 （十八）');
  });

  it('an urban post, or a rural one where no higher standard is set, is paid the minimum wage', () => {
    expect(ask(onPost(false), '2024-08', '2024-10', '2024-11-05')).toMatchObject({ perMonthFen: 200_000 });
    expect(ask(onPost(true), '2024-08', '2024-10', '2024-11-05', '511302')).toMatchObject({ perMonthFen: 200_000 });
  });

  it('the same rules as 181号 第十一条: not without 就业困难人员 certification', () => {
    const p = person({ employments: [{ kind: 'public-welfare-post', from: '2024-08-01', placement: 1, rural: true }] });
    expect(unmet(ask(p, '2024-08', '2024-10', '2024-11-05'))).toEqual(['HARD_TO_EMPLOY']);
  });

  it('applies from 2024-07-13; under the 办法 from 2025-05-01 the raised standard holds to 34号’s last day, 2025-12-31', () => {
    expect(ask(onPost(true), '2024-08', '2024-08', '2024-07-12').scheme).toBe('public-welfare-post/national-2023');
    expect(ask(onPost(true, '2024-07-01'), '2024-07', '2024-07', '2024-07-13').scheme).toBe(
      'public-welfare-post/sichuan-2024',
    );
    const lastDay = ask(onPost(true), '2025-11', '2025-11', '2025-12-31');
    expect(lastDay).toMatchObject({ scheme: 'public-welfare-post/sichuan-2025', perMonthFen: 230_000 });
    expect(ask(onPost(true), '2025-12', '2025-12', '2026-01-01')).toMatchObject({
      scheme: 'public-welfare-post/sichuan-2025',
      perMonthFen: 200_000,
    });
  });
});
