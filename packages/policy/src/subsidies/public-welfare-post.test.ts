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
});
