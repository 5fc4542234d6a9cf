import { describe, expect, it } from 'vitest';
import type { Hire, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { decide, engine, example, organisation, person, unmet } from '../testing/builders.js';

const hire = (p: PersonFacts, extra: Partial<Hire> = {}): Hire => ({
  person: p,
  contractStart: '2024-09-01',
  contractMonths: 12,
  insuredMonths: 1,
  ...extra,
});
const graduate = (date = '2024-06-30') => person({ graduation: { date, institution: 'university' } });

describe('一次性吸纳就业补贴', () => {
  it('四川 (川办发〔2024〕34号 (四)): 2000元 per graduating-year graduate on a 1-year contract with insurance', () => {
    const d = decide({
      subsidy: 'one-time-hiring',
      region: '510104',
      date: '2024-10-01',
      applicant: organisation(),
      claim: { hires: [hire(graduate()), hire(graduate())] },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: 400_000 });
  });

  it('四川: an 11-month contract, or no insurance, does not count — and the person is named', () => {
    const d = decide({
      subsidy: 'one-time-hiring',
      region: '510104',
      date: '2024-10-01',
      applicant: organisation(),
      claim: { hires: [hire(graduate(), { contractMonths: 11 }), hire(graduate(), { insuredMonths: 0 })] },
    });
    expect(unmet(d)).toEqual(['QUALIFYING_HIRES']);
    expect(d.reasons[1]?.detail?.zh).toMatch(/0人符合条件.*须签订1年以上劳动合同.*须按规定缴纳社会保险费/);
  });

  it('庆阳 (第8条, 第22条): 1000元, also for someone registered unemployed for 6 months', () => {
    const qy = organisation({ region: '621002' });
    const longUnemployed = (from: string) =>
      person({ birthDate: '1980-01-01', statuses: [{ kind: 'registered-unemployed', from }] });
    const ask = (from: string) =>
      decide({
        subsidy: 'one-time-hiring',
        region: '621002',
        date: '2023-12-01',
        applicant: qy,
        claim: { hires: [hire(longUnemployed(from), { contractStart: '2023-11-01' })] },
      });
    expect(ask('2023-05-01')).toMatchObject({ eligible: true, amountFen: 100_000 });
    expect(ask('2023-05-02').eligible).toBe(false);
  });

  it('庆阳: not for a hire already claimed for under 一次性扩岗补助', () => {
    const g = graduate('2023-06-30');
    const fresh = decide({
      subsidy: 'one-time-hiring',
      region: '621002',
      date: '2023-12-01',
      applicant: organisation({ region: '621002' }),
      claim: { hires: [hire(g, { contractStart: '2023-10-30' })] },
    });
    expect(fresh.eligible).toBe(true);
    const qy: OrganisationFacts = organisation({
      region: '621002',
      subsidies: [{ subsidy: 'one-time-expansion', grantedOn: '2023-11-20', region: '621002', personId: g.idNumber }],
    });
    const d = decide({
      subsidy: 'one-time-hiring',
      region: '621002',
      date: '2023-12-01',
      applicant: qy,
      claim: { hires: [hire(g, { contractStart: '2023-10-30' })] },
    });
    expect(unmet(d)).toEqual(['QUALIFYING_HIRES']);
  });

  it('贵州 (二（五）): 500元 per household for a cooperative hiring the rural poor', () => {
    const coop = organisation({ region: '522601', category: 'farmers-cooperative', sizeClass: 'micro' });
    const poor = (household: string) =>
      person({ householdId: household, statuses: [{ kind: 'poverty-alleviated', from: '2020-01-01' }] });
    const d = decide({
      subsidy: 'one-time-hiring',
      region: '522601',
      date: '2024-10-01',
      applicant: coop,
      claim: { hires: [hire(poor('H1')), hire(poor('H1')), hire(poor('H2'))] },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: 100_000 });
  });
});

describe('一次性扩岗补助 (庆政办发〔2023〕102号 第8条)', () => {
  const qy = organisation({ region: '621002' });
  it('1500元 per hire with a month of insurance', () => {
    expect(
      decide({
        subsidy: 'one-time-expansion',
        region: '621002',
        date: '2023-12-01',
        applicant: qy,
        claim: { hires: [hire(graduate('2023-06-30'), { contractStart: '2023-11-01' })] },
      }),
    ).toMatchObject({ eligible: true, amountFen: 150_000 });
  });
  it('not for a hire already claimed for under 一次性吸纳就业补贴', () => {
    const g = graduate('2023-06-30');
    const claimed = {
      ...qy,
      subsidies: [{ subsidy: 'one-time-hiring', grantedOn: '2023-11-20', region: '621002', personId: g.idNumber }],
    };
    expect(
      unmet(
        decide({
          subsidy: 'one-time-expansion',
          region: '621002',
          date: '2023-12-01',
          applicant: claimed,
          claim: { hires: [hire(g, { contractStart: '2023-11-01' })] },
        }),
      ),
    ).toEqual(['QUALIFYING_HIRES']);
  });
});

describe('organised labour export', () => {
  const poor = (extra: Partial<PersonFacts> = {}) =>
    person({ statuses: [{ kind: 'poverty-alleviated', from: '2020-01-01' }], ...extra });

  it('庆阳 (第21条): 200元 per poverty-alleviated worker placed for 6 months, not 5', () => {
    const agency = organisation({ region: '621002', category: 'hr-service-agency' });
    const worker = (workedMonths: number) => ({
      person: poor(),
      contractMonths: 12,
      workedMonths,
      insuredMonths: 6,
      firstExport: true,
      destination: 'other-province' as const,
    });
    expect(
      decide({
        subsidy: 'labour-export-service-reward',
        region: '621002',
        date: '2024-06-01',
        applicant: agency,
        claim: { workers: [worker(6), worker(5)] },
      }),
    ).toMatchObject({ eligible: true, amountFen: 20_000 });
  });

  it('贵州 (二（三）): 1000元 for a first organised export to another province, 500元 within it', () => {
    const p = poor();
    const ask = (destination: 'other-province' | 'outside-county', first = true) =>
      decide({
        subsidy: 'labour-export-job-seeking',
        region: '522601',
        date: '2024-06-01',
        applicant: p,
        claim: { export: { destination, organised: true, first, stableMonths: 1 } },
      });
    expect(ask('other-province').amountFen).toBe(100_000);
    expect(ask('outside-county').amountFen).toBe(50_000);
    expect(unmet(ask('other-province', false))).toEqual(['FIRST_ORGANISED_EXPORT']);
  });

  it('贵州 transport: after 3 months of stable work in another province, the local tier up to 500元', () => {
    const e = engine([example('labour-export.transport.other-province', '520000', 60_000)]);
    const ask = (stableMonths: number) =>
      e.evaluate({
        subsidy: 'labour-export-transport',
        region: '522601',
        date: '2024-06-01',
        applicant: poor(),
        claim: { export: { destination: 'other-province', organised: true, first: true, stableMonths } },
      });
    expect(ask(3)).toMatchObject({ eligible: true, amountFen: 50_000 });
    expect(unmet(ask(2))).toEqual(['STABLE_THREE_MONTHS_OTHER_PROVINCE']);
  });

  it('庆阳 workshops (第21条): 3000元 per local poverty-alleviated worker kept 6 months', () => {
    const shop = organisation({ region: '621022', category: 'assistance-workshop' });
    const local = (hukouRegion: string, workedMonths: number) => ({
      person: poor({ hukouRegion }),
      contractMonths: 12,
      workedMonths,
      insuredMonths: 0,
      firstExport: false,
      destination: 'outside-county' as const,
    });
    const d = decide({
      subsidy: 'employment-workshop-reward',
      region: '621022',
      date: '2024-06-01',
      applicant: shop,
      claim: { workers: [local('621022', 6), local('621002', 8), local('520102', 9), local('621022', 5)] },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: 600_000 });
  });
});

describe('base awards', () => {
  it('四川 就业帮扶基地 (34号 (十六)): 5万元 for a designated base with 10 poverty-alleviated employees, not 9', () => {
    const base = organisation({ designations: [{ kind: 'assistance-base', from: '2024-09-01' }] });
    const workers = (n: number) =>
      Array.from({ length: n }, () => ({
        person: person({ statuses: [{ kind: 'poverty-alleviated' as const, from: '2020-01-01' }] }),
        contractMonths: 12,
        workedMonths: 6,
        insuredMonths: 6,
        firstExport: false,
        destination: 'outside-county' as const,
      }));
    expect(
      decide({
        subsidy: 'assistance-base-award',
        region: '510104',
        date: '2024-10-01',
        applicant: base,
        claim: { workers: workers(10) },
      }),
    ).toMatchObject({ eligible: true, amountFen: 5_000_000 });
    expect(
      unmet(
        decide({
          subsidy: 'assistance-base-award',
          region: '510104',
          date: '2024-10-01',
          applicant: base,
          claim: { workers: workers(9) },
        }),
      ),
    ).toEqual(['TEN_POVERTY_ALLEVIATED']);
  });

  it('四川 见习基地 (34号 (十三)): 30万元 national, 20万元 provincial, only for designations in the period', () => {
    const ask = (kind: 'internship-base-national' | 'internship-base-provincial', from: string) =>
      decide({
        subsidy: 'internship-base-award',
        region: '510104',
        date: '2025-03-01',
        applicant: organisation({ designations: [{ kind, from }] }),
      });
    expect(ask('internship-base-national', '2024-09-01').amountFen).toBe(30_000_000);
    expect(ask('internship-base-provincial', '2024-09-01').amountFen).toBe(20_000_000);
    expect(unmet(ask('internship-base-provincial', '2024-07-12'))).toEqual(['DESIGNATED']);
  });

  it('贵州: workshop 1万元, model base 10万元', () => {
    const ask = (kind: 'assistance-workshop' | 'assistance-base-provincial-model') =>
      decide({
        subsidy: 'assistance-base-award',
        region: '522601',
        date: '2024-03-01',
        applicant: organisation({ region: '522601', designations: [{ kind, from: '2023-09-01' }] }),
        claim: { designation: kind },
      });
    expect(ask('assistance-workshop').amountFen).toBe(1_000_000);
    expect(ask('assistance-base-provincial-model').amountFen).toBe(10_000_000);
  });
});

describe('创业担保贷款贴息', () => {
  it('四川 (34号 (五)): a 30万元 loan at 3.45% for 36 months, half the interest paid', () => {
    const d = decide({
      subsidy: 'startup-loan-interest',
      region: '510104',
      date: '2024-10-01',
      applicant: person(),
      claim: { loan: { borrower: 'individual', principalFen: 30_000_000, annualRateBp: 345, termMonths: 36 } },
    });
    // 300,000 × 3.45% × 3 years × 50% = 15,525 yuan.
    expect(d).toMatchObject({ eligible: true, amountFen: 1_552_500 });
  });

  it('四川: one fen over 30万元 is over the limit', () => {
    const d = decide({
      subsidy: 'startup-loan-interest',
      region: '510104',
      date: '2024-10-01',
      applicant: person(),
      claim: { loan: { borrower: 'individual', principalFen: 30_000_001, annualRateBp: 345, termMonths: 36 } },
    });
    expect(unmet(d)).toEqual(['LOAN_WITHIN_LIMIT']);
  });

  it('庆阳 (第16条): partners may borrow 10% more (22万元); terms up to 3 years', () => {
    const ask = (principalFen: number, termMonths = 36) =>
      decide({
        subsidy: 'startup-loan-interest',
        region: '621002',
        date: '2023-11-01',
        applicant: person(),
        claim: { loan: { borrower: 'partnership', principalFen, annualRateBp: 400, termMonths } },
      });
    expect(unmet(ask(22_000_000))).toEqual([]);
    expect(unmet(ask(22_000_001))).toEqual(['LOAN_WITHIN_LIMIT']);
    expect(unmet(ask(20_000_000, 37))).toEqual(['LOAN_WITHIN_TERM']);
  });

  it('四川 small and micro enterprises: up to 400万元', () => {
    const firm = organisation({ sizeClass: 'micro' });
    const d = decide({
      subsidy: 'startup-loan-interest-enterprise',
      region: '510104',
      date: '2024-10-01',
      applicant: firm,
      claim: {
        loan: { borrower: 'small-micro-enterprise', principalFen: 400_000_000, annualRateBp: 400, termMonths: 24 },
      },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: 16_000_000 });
  });
});
