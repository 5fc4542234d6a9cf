import { describe, expect, it } from 'vitest';
import type { OrganisationFacts } from '../facts/facts.js';
import { decide, organisation, unmet } from '../testing/builders.js';

const unit = (
  region: string,
  year: number,
  layoffs: number,
  staff: number,
  extra: Partial<OrganisationFacts> = {},
  paid = 12,
): OrganisationFacts =>
  organisation({
    region,
    unemploymentInsurance: [
      { year, contributedFen: 1_000_000, fullyPaidMonths: paid, insuredStaffAtYearStart: staff, layoffs },
    ],
    ...extra,
  });

describe('失业保险稳岗返还, 庆阳 (庆政办发〔2023〕102号 第1条)', () => {
  const ask = (org: OrganisationFacts, date = '2023-11-01') =>
    decide({
      subsidy: 'unemployment-insurance-stabilization',
      region: '621002',
      date,
      applicant: org,
      claim: { year: 2022 },
    });
  const qy = (layoffs: number, staff: number, extra: Partial<OrganisationFacts> = {}) =>
    unit('621002', 2022, layoffs, staff, extra);

  it('an SME with no layoffs gets 60% back; a large enterprise 30%', () => {
    expect(ask(qy(0, 100, { sizeClass: 'small' }))).toMatchObject({ eligible: true, amountFen: 600_000 });
    expect(ask(qy(0, 100, { sizeClass: 'large' }))).toMatchObject({ eligible: true, amountFen: 300_000 });
  });

  it('the layoff rate may reach the 5.5% the article states, but not pass it', () => {
    expect(ask(qy(11, 200)).eligible).toBe(true);
    expect(unmet(ask(qy(12, 200)))).toEqual(['LAYOFF_RATE']);
  });

  it('a unit of 30 or fewer may lay off up to 20%', () => {
    expect(ask(qy(6, 30)).eligible).toBe(true);
    expect(ask(qy(7, 30)).eligible).toBe(false);
    expect(ask(qy(6, 31)).eligible).toBe(false);
  });

  it('is in force to 2023-12-31 and not the day after', () => {
    expect(ask(qy(0, 100), '2023-12-31').eligible).toBe(true);
    expect(ask(qy(0, 100), '2024-01-01').status).toBe('not-in-force');
  });
});

describe('失业保险稳岗返还, 四川 (川办发〔2024〕34号 (三))', () => {
  const ask = (org: OrganisationFacts, year = 2023, date = '2024-08-01') =>
    decide({
      subsidy: 'unemployment-insurance-stabilization',
      region: '510104',
      date,
      applicant: org,
      claim: { year },
    });
  const sc = (layoffs: number, staff: number, paid = 12, year = 2023) => unit('510104', year, layoffs, staff, {}, paid);

  it('needs 12 months fully paid: 11 is not enough', () => {
    expect(ask(sc(0, 50, 12)).eligible).toBe(true);
    expect(unmet(ask(sc(0, 50, 11)))).toEqual(['PAID_TWELVE_MONTHS']);
  });

  it('a unit over 30 staff may lay off up to last year’s national target, 5.5% (2023年政府工作报告)', () => {
    const d = ask(sc(11, 200));
    expect(d).toMatchObject({ eligible: true, amountFen: 600_000 });
    expect(d.parameters).toContainEqual(
      expect.objectContaining({
        parameter: 'unemployment-rate-target-permille',
        value: 55,
        cites: '《2023年政府工作报告》 主要预期目标',
      }),
    );
    expect(unmet(ask(sc(12, 200)))).toEqual(['LAYOFF_RATE']);
  });

  it('reads the target of the year the layoffs were in, citing that year’s report', () => {
    const d = ask(sc(2, 50, 12, 2024), 2024, '2024-12-31');
    expect(d.parameters).toContainEqual(
      expect.objectContaining({
        parameter: 'unemployment-rate-target-permille',
        cites: '《2024年政府工作报告》 主要预期目标',
      }),
    );
  });

  it('a unit of 30 or fewer may lay off up to 20% whatever the target', () => {
    expect(ask(sc(6, 30)).eligible).toBe(true);
    expect(unmet(ask(sc(7, 30)))).toEqual(['LAYOFF_RATE']);
  });

  it('where no target is entered for the year, it is not set: eligible with no amount, never refused', () => {
    const d = ask(sc(2, 50, 12, 2022), 2022);
    expect(d).toMatchObject({ eligible: true, amountFen: null });
    expect(d.reasons.at(-1)).toMatchObject({ code: 'STANDARD_NOT_SET', cites: '川办发〔2024〕34号 （三）' });
    expect(d.reasons.at(-1)?.message.zh).toContain('unemployment-rate-target-permille');
  });

  it('is in force from 2024-07-13 to 2024-12-31', () => {
    expect(ask(sc(0, 50), 2023, '2024-07-12').status).toBe('not-in-force');
    expect(ask(sc(0, 50), 2023, '2024-07-13').eligible).toBe(true);
    expect(ask(sc(0, 50, 12, 2024), 2024, '2024-12-31').eligible).toBe(true);
    expect(ask(sc(0, 50, 12, 2024), 2024, '2025-01-01').status).toBe('not-in-force');
  });
});
