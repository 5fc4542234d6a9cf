import { describe, expect, it } from 'vitest';
import type { OrganisationDesignationKind, OrganisationFacts, ServiceClaim } from '../facts/facts.js';
import { SERVICE_SUBSIDIES } from '../funds/spending-rules.js';
import { engine, example, organisation, unmet } from '../testing/builders.js';

const provider = (kind: OrganisationDesignationKind, region = '620102', from = '2023-01-01'): OrganisationFacts =>
  organisation({ region, category: 'public-institution', designations: [{ kind, from }] });
const service = (extra: Partial<ServiceClaim> = {}): ServiceClaim => ({
  kind: 'public-service',
  served: 400,
  outcomes: 120,
  ...extra,
});

describe('就业创业服务补助 (财社〔2023〕181号 第十二条)', () => {
  // 甘肃 (620000) has no text of its own here: the national article, at rates the region sets.
  const gansu = engine([
    example('employment-service.public-service.per-served', '620000', 2_000),
    example('employment-service.public-service.per-outcome', '620000', 10_000),
    example('employment-service.incubation.per-outcome', '620000', 300_000),
    example('employment-service.recruitment.per-served', '620000', 500),
    example('employment-service.recruitment.cost-share-permille', '620000', 500),
  ]);
  const ask = (org: OrganisationFacts, claim: ServiceClaim, date = '2024-03-01', region = '620102') =>
    gansu.evaluate({
      subsidy: 'employment-service',
      region,
      date,
      applicant: org,
      claim: { year: 2023, service: claim },
    });

  it('对家门口就业服务站承担的免费公共就业服务，根据工作量和成效给予补助', () => {
    // 400 served × 20元 + 120 placed × 100元 = 20,000元.
    expect(ask(provider('home-employment-station'), service())).toMatchObject({
      eligible: true,
      amountFen: 2_000_000,
      scheme: 'employment-service/national-2023',
    });
  });

  it('each 零工驿站 a unit runs is claimed for on its own, and the decision names it', () => {
    const d = ask(provider('gig-worker-station'), service({ site: '东岗零工驿站' }));
    expect(d).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    expect(d.reasons.at(-1)?.message.zh).toBe(
      '免费公共就业服务（东岗零工驿站）：服务400人 × 20元 + 成效120人 × 100元 = 20,000元',
    );
  });

  it('零工驿站 and 基层公共就业服务机构 are paid for the same free services', () => {
    expect(ask(provider('gig-worker-station'), service()).eligible).toBe(true);
    expect(ask(provider('public-employment-service'), service()).eligible).toBe(true);
  });

  it('对创业孵化基地开展的创业孵化服务, by the start-ups incubated that are operating', () => {
    expect(ask(provider('incubation-base'), service({ kind: 'incubation', served: 12, outcomes: 9 }))).toMatchObject({
      eligible: true,
      amountFen: 2_700_000,
    });
  });

  it('对公共就业创业服务机构开展的招聘活动，根据服务人数、成效和成本', () => {
    // 2,000 attendees × 5元 + half of a 30,000元 cost = 25,000元.
    const d = ask(
      provider('public-employment-service'),
      service({ kind: 'recruitment', served: 2_000, outcomes: 300, costFen: 3_000_000 }),
    );
    expect(d).toMatchObject({ eligible: true, amountFen: 2_500_000 });
  });

  it('not for a provider not designated for the service claimed: a station does not run recruitment events', () => {
    const d = ask(provider('home-employment-station'), service({ kind: 'recruitment' }));
    expect(unmet(d)).toEqual(['SERVICE_PROVIDER']);
    expect(unmet(ask(organisation({ region: '620102' }), service()))).toEqual(['SERVICE_PROVIDER']);
  });

  it('not before the provider is designated, nor after its designation ends', () => {
    expect(unmet(ask(provider('home-employment-station', '620102', '2024-03-02'), service()))).toEqual([
      'SERVICE_PROVIDER',
    ]);
    const lapsed = organisation({
      region: '620102',
      designations: [{ kind: 'home-employment-station', from: '2023-01-01', to: '2024-02-29' }],
    });
    expect(unmet(ask(lapsed, service()))).toEqual(['SERVICE_PROVIDER']);
  });

  it('needs the workload: no one served is no claim, and outcomes cannot exceed those served', () => {
    expect(unmet(ask(provider('home-employment-station'), service({ served: 0, outcomes: 0 })))).toEqual([
      'SERVICE_FIGURES',
    ]);
    expect(unmet(ask(provider('home-employment-station'), service({ served: 10, outcomes: 11 })))).toEqual([
      'SERVICE_FIGURES',
    ]);
  });

  it('免费: a station that charged those it served is not paid for that service', () => {
    expect(unmet(ask(provider('home-employment-station'), service({ chargedFen: 1 })))).toEqual(['FREE_SERVICE']);
  });

  it('is in force from 2023-12-20, the day 181号 was issued, and not the day before', () => {
    expect(ask(provider('home-employment-station'), service(), '2023-12-19').status).toBe('not-in-force');
    expect(ask(provider('home-employment-station'), service(), '2023-12-20').eligible).toBe(true);
  });

  it('where the region has set no rate, eligible with the standard not set', () => {
    const d = engine().evaluate({
      subsidy: 'employment-service',
      region: '520102',
      date: '2024-03-01',
      applicant: provider('gig-worker-station', '520102'),
      claim: { year: 2023, service: service() },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: null });
    expect(d.reasons.at(-1)?.message.zh).toContain('employment-service.public-service.per-served');
  });
});

describe('就业创业服务补助 in 四川', () => {
  const sichuan = engine([example('employment-service.incubation.per-served', '510000', 100_000)]);
  const ask = (date: string) =>
    sichuan.evaluate({
      subsidy: 'employment-service',
      region: '510104',
      date,
      applicant: provider('incubation-base', '510104'),
      claim: { year: 2024, service: service({ kind: 'incubation', served: 5, outcomes: 4 }) },
    });

  it('川办发〔2024〕34号 (五) from 2024-07-13: 创业孵化服务 by workload', () => {
    expect(ask('2024-07-12').scheme).toBe('employment-service/national-2023');
    const d = ask('2024-07-13');
    expect(d).toMatchObject({ eligible: true, amountFen: 500_000, scheme: 'employment-service/sichuan-2024' });
    expect(d.reasons.at(-1)?.cites).toBe('川办发〔2024〕34号 （五）');
  });

  it('四川 办法 第七条（一） from 2025-05-01 to 2028-04-30, then the national article again', () => {
    expect(ask('2025-04-30').scheme).toBe('employment-service/sichuan-2024');
    expect(ask('2025-05-01').scheme).toBe('employment-service/sichuan-2025');
    expect(ask('2028-04-30').scheme).toBe('employment-service/sichuan-2025');
    expect(ask('2028-05-01').scheme).toBe('employment-service/national-2023');
  });

  it('counts toward the 15% ceiling on service subsidies (四川 办法 第十二条)', () => {
    expect(SERVICE_SUBSIDIES.has('employment-service')).toBe(true);
  });
});
