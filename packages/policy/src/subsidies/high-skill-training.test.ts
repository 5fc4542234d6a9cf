import { describe, expect, it } from 'vitest';
import type { OrganisationDesignationKind, OrganisationFacts } from '../facts/facts.js';
import { engine, example, organisation, unmet } from '../testing/builders.js';

const host = (
  kind: OrganisationDesignationKind,
  extra: Partial<OrganisationFacts> = {},
  from = '2023-06-01',
): OrganisationFacts =>
  organisation({ region: '621002', category: 'enterprise', designations: [{ kind, from }], ...extra });

describe('高技能人才培养补助 (财社〔2023〕181号 第十三条, 第二十条)', () => {
  const gansu = engine([
    example('high-skill.skill-master-studio-provincial.award', '620000', 10_000_000),
    example('high-skill.high-skill-training-base-national.award', '620000', 50_000_000),
  ]);
  const ask = (org: OrganisationFacts, designation: OrganisationDesignationKind, date = '2024-09-01', year = 2024) =>
    gansu.evaluate({
      subsidy: 'high-skill-training',
      region: '621002',
      date,
      applicant: org,
      claim: { designation, year },
    });

  it('依托企业建设的省级技能大师工作室: the province’s grade for the studio', () => {
    expect(ask(host('skill-master-studio-provincial'), 'skill-master-studio-provincial')).toMatchObject({
      eligible: true,
      amountFen: 10_000_000,
      scheme: 'high-skill-training/national-2023',
    });
  });

  it('依托院校建设的国家级高技能人才培训基地', () => {
    const college = host('high-skill-training-base-national', { category: 'public-institution' });
    expect(ask(college, 'high-skill-training-base-national')).toMatchObject({ eligible: true, amountFen: 50_000_000 });
  });

  it('not for a designation the unit does not hold, nor without naming one', () => {
    expect(unmet(ask(host('skill-master-studio-provincial'), 'skill-master-studio-national'))).toEqual(['DESIGNATED']);
    expect(
      unmet(
        gansu.evaluate({
          subsidy: 'high-skill-training',
          region: '621002',
          date: '2024-09-01',
          applicant: host('skill-master-studio-provincial'),
          claim: { year: 2024 },
        }),
      ),
    ).toEqual(['DESIGNATED']);
    expect(unmet(ask(host('assistance-base'), 'skill-master-studio-provincial'))).toEqual(['DESIGNATED']);
  });

  it('not on the day before the designation, and on its first day', () => {
    expect(
      unmet(ask(host('skill-master-studio-provincial', {}, '2024-09-02'), 'skill-master-studio-provincial')),
    ).toEqual(['DESIGNATED']);
    expect(
      ask(host('skill-master-studio-provincial', {}, '2024-09-01'), 'skill-master-studio-provincial').eligible,
    ).toBe(true);
  });

  it('the host must be able to train: not a government organ', () => {
    expect(
      unmet(
        ask(host('skill-master-studio-provincial', { category: 'government-organ' }), 'skill-master-studio-provincial'),
      ),
    ).toEqual(['APPLICANT_UNIT_KIND']);
  });

  it('a project year not yet begun cannot be claimed', () => {
    expect(
      unmet(ask(host('skill-master-studio-provincial'), 'skill-master-studio-provincial', '2024-12-31', 2025)),
    ).toEqual(['PROJECT_YEAR']);
    expect(
      ask(host('skill-master-studio-provincial'), 'skill-master-studio-provincial', '2025-01-01', 2025).eligible,
    ).toBe(true);
  });

  it('in force from 2023-12-20; the grade unset is not set, not refused', () => {
    expect(
      ask(host('skill-master-studio-provincial'), 'skill-master-studio-provincial', '2023-12-19', 2023).status,
    ).toBe('not-in-force');
    expect(
      ask(host('skill-master-studio-provincial'), 'skill-master-studio-provincial', '2023-12-20', 2023),
    ).toMatchObject({ eligible: true, scheme: 'high-skill-training/national-2023' });
    const d = ask(host('skill-master-studio-national'), 'skill-master-studio-national');
    expect(d).toMatchObject({ eligible: true, amountFen: null });
    expect(d.reasons.at(-1)).toMatchObject({ code: 'STANDARD_NOT_SET', cites: '财社〔2023〕181号 第二十条' });
  });
});

describe('高技能人才培养补助 in 四川 (办法 第七条（二）)', () => {
  const sichuan = engine([example('high-skill.high-skill-training-base-provincial.award', '510000', 20_000_000)]);
  const ask = (date: string) =>
    sichuan.evaluate({
      subsidy: 'high-skill-training',
      region: '510104',
      date,
      applicant: host('high-skill-training-base-provincial', { region: '510104' }),
      claim: { designation: 'high-skill-training-base-provincial', year: 2025 },
    });

  it('国家级和省级 bases from 2025-05-01 to 2028-04-30, the national article on either side', () => {
    expect(ask('2025-04-30').scheme).toBe('high-skill-training/national-2023');
    expect(ask('2025-05-01')).toMatchObject({
      eligible: true,
      amountFen: 20_000_000,
      scheme: 'high-skill-training/sichuan-2025',
    });
    expect(ask('2028-04-30').scheme).toBe('high-skill-training/sichuan-2025');
    expect(ask('2028-05-01').scheme).toBe('high-skill-training/national-2023');
  });
});
