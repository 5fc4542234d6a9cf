import { describe, expect, it } from 'vitest';
import type { Intern } from '../facts/facts.js';
import { engine, example, organisation, person, unmet } from '../testing/builders.js';

const graduateIntern = (months = 6): Intern => ({
  person: person({ graduation: { date: '2023-06-30', institution: 'university' } }),
  from: '2023-11-01',
  to: '2024-04-30',
  months,
});
const unit = organisation({ region: '621002' });
const ask = (interns: Intern[], retentionPermille = 0, date = '2023-12-01', region = '621002', e = engine()) =>
  e.evaluate({
    subsidy: 'employment-internship',
    region,
    date,
    applicant: { ...unit, region },
    claim: { interns, retentionPermille },
  });

describe('就业见习补贴 (财社〔2023〕181号 第七条; 庆政办发〔2023〕102号 第12条; 川办发〔2024〕34号 (十三))', () => {
  it('庆阳: 1000元 a month per intern', () => {
    expect(ask([graduateIntern(6)])).toMatchObject({
      eligible: true,
      amountFen: 600_000,
      perMonthFen: 100_000,
      months: 6,
    });
  });

  it.each([
    [499, 100_000],
    [500, 120_000],
    [599, 120_000],
    [600, 135_000],
    [699, 135_000],
    [700, 150_000],
  ])('庆阳: at retention %i‰ the monthly standard is %i fen', (retention, monthly) => {
    expect(ask([graduateIntern(1)], retention).perMonthFen).toBe(monthly);
  });

  it('a registered-unemployed 24-year-old qualifies; at 25 they do not', () => {
    const young = (birthDate: string): Intern => ({
      person: person({ birthDate, statuses: [{ kind: 'registered-unemployed', from: '2023-06-01' }] }),
      from: '2023-11-01',
      to: '2024-01-31',
      months: 3,
    });
    expect(ask([young('1998-11-02')]).eligible).toBe(true);
    expect(ask([young('1998-11-01')]).eligible).toBe(false);
  });

  it('a graduate who has already worked since leaving school does not qualify, and is named', () => {
    const worked: Intern = {
      ...graduateIntern(),
      person: person({
        graduation: { date: '2023-06-30', institution: 'university' },
        employments: [
          { kind: 'labour-contract', employer: '91350100M000100Y43', from: '2023-07-10', to: '2023-09-30' },
        ],
      }),
    };
    const d = ask([graduateIntern(2), worked]);
    expect(d).toMatchObject({ eligible: true, amountFen: 200_000 });
    expect(d.reasons.find((r) => r.code === 'QUALIFYING_INTERNS')?.detail?.zh).toContain('1人符合条件');
    expect(unmet(ask([worked]))).toEqual(['QUALIFYING_INTERNS']);
  });

  it('四川 2024: the local minimum wage a month', () => {
    const e = engine([example('minimum-wage.monthly', '510100', 210_000)]);
    expect(ask([graduateIntern(3)], 0, '2024-09-01', '510104', e)).toMatchObject({
      amountFen: 630_000,
      perMonthFen: 210_000,
    });
    expect(ask([graduateIntern(3)], 0, '2024-09-01', '510104').amountFen).toBeNull();
  });
});
