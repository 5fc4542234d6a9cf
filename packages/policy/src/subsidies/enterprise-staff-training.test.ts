import { describe, expect, it } from 'vitest';
import type { Certificate, Hire, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { engine, example, organisation, person, unmet } from '../testing/builders.js';

const firm = organisation({ region: '620102', category: 'enterprise' });
const contract = (from: string, contractMonths?: number): NonNullable<PersonFacts['employments']>[number] => ({
  kind: 'labour-contract',
  employer: firm.creditCode,
  from,
  ...(contractMonths !== undefined ? { contractMonths } : {}),
});
const cert = (
  id: string,
  kind: NonNullable<Certificate['training']>['kind'],
  from: string,
  to: string,
  issuedOn = to,
): Certificate => ({
  id,
  kind: 'skill-level',
  occupation: '数控车工',
  level: 4,
  issuedOn,
  training: { kind, from, to },
});
const staff = (extra: Partial<PersonFacts>): Hire => ({
  person: person(extra),
  contractStart: '2023-03-01',
  insuredMonths: 12,
});
/** Registered unemployed until hired on 2024-03-01 on a 2-year contract. */
const newHire = (trainingFrom: string, contractMonths = 24, id = 'N1') =>
  staff({
    statuses: [{ kind: 'registered-unemployed', from: '2023-09-01', to: '2024-02-29' }],
    employments: [contract('2024-03-01', contractMonths)],
    certificates: [cert(id, 'employment-skills', trainingFrom, '2024-08-31', '2024-09-10')],
  });

describe('企业职工职业培训补贴 (财社〔2023〕181号 第五条（二）)', () => {
  const gansu = engine([
    example('enterprise-training.new-hire.per-person', '620000', 150_000),
    example('enterprise-training.apprenticeship.per-person', '620000', 400_000),
    example('enterprise-training.technician.per-person', '620000', 500_000),
  ]);
  const ask = (hires: Hire[], org: OrganisationFacts = firm, date = '2024-10-01') =>
    gansu.evaluate({ subsidy: 'enterprise-staff-training', region: '620102', date, applicant: org, claim: { hires } });

  it('对企业新录用的六类人员，签订1年以上劳动合同并于1年内参加岗位技能培训，取得证书的', () => {
    expect(ask([newHire('2024-07-01')])).toMatchObject({
      eligible: true,
      amountFen: 150_000,
      scheme: 'enterprise-staff-training/national-2023',
    });
  });

  it('对参加企业新型学徒制培训、技师培训的在职职工，培训后取得证书的', () => {
    const apprentice = staff({
      employments: [contract('2020-01-01')],
      certificates: [cert('A1', 'apprenticeship', '2023-09-01', '2024-08-31')],
    });
    const technician = staff({
      employments: [contract('2015-01-01')],
      certificates: [cert('T1', 'technician', '2024-03-01', '2024-06-30')],
    });
    expect(ask([apprentice, technician])).toMatchObject({ eligible: true, amountFen: 900_000 });
  });

  it('the training must begin within a year of the contract: on 2025-03-01, not 2025-03-02', () => {
    const at = (from: string) =>
      staff({
        ...newHire(from).person,
        certificates: [cert('N1', 'employment-skills', from, '2025-05-31', '2025-06-10')],
      });
    expect(ask([at('2025-03-01')], firm, '2025-07-01').eligible).toBe(true);
    expect(unmet(ask([at('2025-03-02')], firm, '2025-07-01'))).toEqual(['QUALIFYING_TRAINEES']);
  });

  it('a contract of 11 months does not count; 12 does', () => {
    expect(unmet(ask([newHire('2024-07-01', 11)]))).toEqual(['QUALIFYING_TRAINEES']);
    expect(ask([newHire('2024-07-01', 12)]).eligible).toBe(true);
  });

  it('a new hire not in the six groups before the contract is not covered', () => {
    const notSix = staff({
      employments: [contract('2024-03-01', 24)],
      certificates: [cert('N2', 'employment-skills', '2024-07-01', '2024-08-31')],
    });
    expect(unmet(ask([notSix]))).toEqual(['QUALIFYING_TRAINEES']);
  });

  it('only the enterprise’s own staff: training while employed elsewhere is not its claim', () => {
    const elsewhere = staff({
      employments: [{ kind: 'labour-contract', employer: '91350100M000100Y43', from: '2020-01-01' }],
      certificates: [cert('A2', 'apprenticeship', '2023-09-01', '2024-08-31')],
    });
    const d = ask([elsewhere]);
    expect(unmet(d)).toEqual(['QUALIFYING_TRAINEES']);
    expect(d.reasons.find((r) => r.code === 'QUALIFYING_TRAINEES')?.detail?.zh).toMatch(/0人符合条件/);
  });

  it('个人或企业: a certificate already paid to the person is not paid to the enterprise', () => {
    const h = newHire('2024-07-01');
    const paid: Hire = {
      ...h,
      person: {
        ...h.person,
        subsidies: [{ subsidy: 'vocational-training', grantedOn: '2024-09-20', region: '620102', certificateId: 'N1' }],
      },
    };
    expect(unmet(ask([paid]))).toEqual(['QUALIFYING_TRAINEES']);
  });

  it('the enterprise is not paid twice for one certificate; a later certificate of the same person is paid', () => {
    const h = newHire('2024-07-01');
    const claimedBefore = (grantedOn: string) =>
      organisation({
        ...firm,
        subsidies: [{ subsidy: 'enterprise-staff-training', grantedOn, region: '620102', personId: h.person.idNumber }],
      });
    expect(unmet(ask([h], claimedBefore('2024-09-10')))).toEqual(['QUALIFYING_TRAINEES']);
    expect(ask([h], claimedBefore('2024-09-09')).eligible).toBe(true);
  });

  it('is claimed by an enterprise, and pays those who qualify on a mixed list', () => {
    expect(
      unmet(ask([newHire('2024-07-01')], organisation({ region: '620102', category: 'training-institution' }))),
    ).toContain('APPLICANT_UNIT_KIND');
    expect(ask([newHire('2024-07-01'), newHire('2024-07-01', 6, 'N3')])).toMatchObject({
      eligible: true,
      amountFen: 150_000,
    });
  });

  it('in force from 2023-12-20; a route whose standard is not set leaves the amount open', () => {
    expect(ask([newHire('2024-07-01')], firm, '2023-12-19').status).toBe('not-in-force');
    expect(ask([newHire('2024-07-01')], firm, '2023-12-20').scheme).toBe('enterprise-staff-training/national-2023');
    const d = engine().evaluate({
      subsidy: 'enterprise-staff-training',
      region: '620102',
      date: '2024-10-01',
      applicant: firm,
      claim: { hires: [newHire('2024-07-01')] },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: null });
  });
});

describe('企业职工职业培训补贴 in 四川 (办法 第六条（一） 在岗初始培训、在岗提升培训)', () => {
  it('from 2025-05-01, citing the 办法', () => {
    const sc = organisation({ region: '510104', category: 'enterprise' });
    const e = engine([example('enterprise-training.technician.per-person', '510000', 300_000)]);
    const tech: Hire = {
      person: person({
        employments: [{ kind: 'labour-contract', employer: sc.creditCode, from: '2015-01-01' }],
        certificates: [cert('T9', 'technician', '2025-01-01', '2025-04-30')],
      }),
      contractStart: '2015-01-01',
      insuredMonths: 12,
    };
    const ask = (date: string) =>
      e.evaluate({
        subsidy: 'enterprise-staff-training',
        region: '510104',
        date,
        applicant: sc,
        claim: { hires: [tech] },
      });
    expect(ask('2025-04-30').scheme).toBe('enterprise-staff-training/national-2023');
    expect(ask('2025-05-01')).toMatchObject({
      eligible: true,
      amountFen: 300_000,
      scheme: 'enterprise-staff-training/sichuan-2025',
    });
    expect(ask('2025-05-01').reasons.find((r) => r.code === 'QUALIFYING_TRAINEES')?.cites).toContain('第六条（一）');
    // The 办法 runs to 2028-04-30; the day after, 181号 第五条（二） alone again.
    expect(ask('2028-04-30').scheme).toBe('enterprise-staff-training/sichuan-2025');
    expect(ask('2028-05-01').scheme).toBe('enterprise-staff-training/national-2023');
  });
});
