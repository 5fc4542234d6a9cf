import { describe, expect, it } from 'vitest';
import type { OrganisationFacts } from '../facts/facts.js';
import { engine, example, organisation, unmet } from '../testing/builders.js';

describe('省级优秀劳务合作站（点）一次性奖励 (贵州 重点帮扶县实施意见 二（三）)', () => {
  const gz = engine([example('labour-station.award', '520000', 2_000_000)]);
  const station = (ratedOn: string): OrganisationFacts =>
    organisation({
      region: '522601',
      category: 'hr-service-agency',
      designations: [{ kind: 'labour-station-excellent', from: ratedOn }],
    });
  const ask = (org: OrganisationFacts, date: string, year?: number) =>
    gz.evaluate({
      subsidy: 'labour-station-award',
      region: '522601',
      date,
      applicant: org,
      claim: year ? { year } : {},
    });

  it('每年评选省级优秀劳务合作站（点），给予一次性资金奖励', () => {
    expect(ask(station('2024-06-30'), '2024-09-01')).toMatchObject({
      eligible: true,
      amountFen: 2_000_000,
      scheme: 'labour-station-award/guizhou-2022',
    });
  });

  it('the award is for the year rated: a 2023 rating does not pay a 2024 claim', () => {
    expect(unmet(ask(station('2023-06-30'), '2024-09-01'))).toEqual(['RATED_EXCELLENT']);
    expect(ask(station('2023-06-30'), '2024-02-01', 2023).eligible).toBe(true);
  });

  it('not before the rating: the day before it, and on it', () => {
    expect(unmet(ask(station('2024-06-30'), '2024-06-29'))).toEqual(['RATED_EXCELLENT']);
    expect(ask(station('2024-06-30'), '2024-06-30').eligible).toBe(true);
  });

  it('in force from 2022-01-14, only in 贵州; unset, the standard is not set', () => {
    expect(ask(station('2022-01-01'), '2022-01-13').status).toBe('not-in-force');
    expect(ask(station('2022-01-01'), '2022-01-14').eligible).toBe(true);
    expect(
      gz.evaluate({
        subsidy: 'labour-station-award',
        region: '621002',
        date: '2024-09-01',
        applicant: station('2024-06-30'),
      }).status,
    ).toBe('not-offered');
    expect(
      engine().evaluate({
        subsidy: 'labour-station-award',
        region: '522601',
        date: '2024-09-01',
        applicant: station('2024-06-30'),
      }),
    ).toMatchObject({ eligible: true, amountFen: null });
  });
});
