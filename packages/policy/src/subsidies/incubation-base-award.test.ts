import { describe, expect, it } from 'vitest';
import type { OrganisationDesignationKind, OrganisationFacts, ServiceClaim } from '../facts/facts.js';
import { engine, example, organisation, unmet } from '../testing/builders.js';

const base = (kind: OrganisationDesignationKind, region: string, from = '2023-06-01'): OrganisationFacts =>
  organisation({ region, category: 'enterprise', designations: [{ kind, from }] });

describe('创业孵化基地奖补, 庆阳 (庆政办发〔2023〕102号 第15条)', () => {
  const qy = engine([
    example('incubation-award.incubation-base-city', '621000', 5_000_000),
    example('incubation-award.incubation-base-excellent', '621000', 3_000_000),
  ]);
  const ask = (org: OrganisationFacts, designation?: OrganisationDesignationKind, date = '2024-05-01') =>
    qy.evaluate({
      subsidy: 'incubation-base-award',
      region: '621002',
      date,
      applicant: org,
      claim: designation ? { designation } : {},
    });

  it('认定为市级创业园区（孵化基地）的，按规定给予创业资金扶持', () => {
    expect(ask(base('incubation-base-city', '621002'))).toMatchObject({
      eligible: true,
      amountFen: 5_000_000,
      scheme: 'incubation-base-award/qingyang-2023',
    });
  });

  it('对评定为优秀等次创业就业孵化基地的，给予一次性补助', () => {
    const both = organisation({
      region: '621002',
      designations: [
        { kind: 'incubation-base-city', from: '2023-01-01' },
        { kind: 'incubation-base-excellent', from: '2024-01-10' },
      ],
    });
    expect(ask(both, 'incubation-base-excellent')).toMatchObject({ eligible: true, amountFen: 3_000_000 });
  });

  it('a county park whose figure the county has not set: eligible, standard not set', () => {
    expect(ask(base('incubation-base-county', '621022'))).toMatchObject({ eligible: true, amountFen: null });
  });

  it('not for a base not designated, nor the day before its designation', () => {
    expect(unmet(ask(base('incubation-base', '621002')))).toEqual(['DESIGNATED']);
    expect(unmet(ask(base('incubation-base-city', '621002', '2024-05-02')))).toEqual(['DESIGNATED']);
    expect(ask(base('incubation-base-city', '621002', '2024-05-01')).eligible).toBe(true);
  });

  it('第15条 sets no end: in force from 2023-10-27, and still after 2023', () => {
    expect(ask(base('incubation-base-city', '621002', '2020-01-01'), undefined, '2023-10-26').status).toBe(
      'not-in-force',
    );
    expect(ask(base('incubation-base-city', '621002', '2020-01-01'), undefined, '2023-10-27').eligible).toBe(true);
    expect(ask(base('incubation-base-city', '621002'), undefined, '2026-06-01').eligible).toBe(true);
  });
});

describe('创业孵化基地奖补, 贵州 (重点帮扶县实施意见 二（六）)', () => {
  const gz = engine([
    example('incubation-award.per-entity', '520000', 200_000),
    example('incubation-award.per-job', '520000', 50_000),
  ]);
  const figures = (served: number, outcomes: number): ServiceClaim => ({ kind: 'incubation', served, outcomes });
  const ask = (org: OrganisationFacts, service?: ServiceClaim, date = '2024-05-01') =>
    gz.evaluate({
      subsidy: 'incubation-base-award',
      region: '522601',
      date,
      applicant: org,
      claim: service ? { service } : {},
    });

  it('根据入驻实体数量、孵化效果、促进就业效果进行奖励', () => {
    // 15 entities × 2,000元 + 40 jobs × 500元 = 50,000元.
    expect(ask(base('incubation-base', '522601'), figures(15, 40))).toMatchObject({
      eligible: true,
      amountFen: 5_000_000,
      scheme: 'incubation-base-award/guizhou-2022',
    });
  });

  it('not without the figures, nor for a base not designated', () => {
    expect(unmet(ask(base('incubation-base', '522601')))).toEqual(['INCUBATION_FIGURES']);
    expect(unmet(ask(base('assistance-base', '522601'), figures(15, 40)))).toEqual(['DESIGNATED']);
  });

  it('in force from 2022-01-14', () => {
    expect(ask(base('incubation-base', '522601', '2020-01-01'), figures(1, 0), '2022-01-13').status).toBe(
      'not-in-force',
    );
    expect(ask(base('incubation-base', '522601', '2020-01-01'), figures(1, 0), '2022-01-14').eligible).toBe(true);
  });

  it('not offered in 四川, which pays incubation as a service (就业创业服务补助)', () => {
    expect(
      gz.evaluate({
        subsidy: 'incubation-base-award',
        region: '510104',
        date: '2024-05-01',
        applicant: base('incubation-base', '510104'),
      }).status,
    ).toBe('not-offered');
  });
});
