import { describe, expect, it } from 'vitest';
import { decide, person, unmet } from '../testing/builders.js';
import { CATALOGUE, TEXT_PARAMETERS } from '../catalogue.js';
import { DOCUMENTS } from './documents.js';
import { PolicyEngine } from './engine.js';
import { ParameterTable } from './parameters.js';

describe('the policy engine', () => {
  it('picks the more local scheme in force: 庆阳 over the national text', () => {
    const graduate = person({
      graduation: { date: '2024-06-30', institution: 'university' },
      statuses: [{ kind: 'dibao-household', from: '2020-01-01' }],
    });
    const d = decide({ subsidy: 'one-time-job-seeking', region: '621002', date: '2024-03-01', applicant: graduate });
    expect(d.scheme).toBe('one-time-job-seeking/qingyang-2023-12');
    expect(d.amountFen).toBe(100_000);
  });

  it('falls back to the national text where no local scheme exists, and says the standard is not set', () => {
    const graduate = person({
      graduation: { date: '2024-06-30', institution: 'university' },
      statuses: [{ kind: 'disabled', from: '2010-01-01' }],
    });
    const d = decide({ subsidy: 'one-time-job-seeking', region: '620100', date: '2024-03-01', applicant: graduate });
    expect(d.scheme).toBe('one-time-job-seeking/national-2023');
    expect(d).toMatchObject({ eligible: true, amountFen: null });
    expect(d.reasons.at(-1)?.code).toBe('STANDARD_NOT_SET');
  });

  it('says a policy has expired, citing the clause that ends it', () => {
    const d = decide({
      subsidy: 'one-time-expansion',
      region: '621002',
      date: '2024-01-01',
      applicant: { kind: 'organisation', creditCode: '91350100M000100Y43', category: 'enterprise', region: '621002' },
    });
    expect(d.status).toBe('not-in-force');
    expect(d.reasons[0]).toMatchObject({ code: 'POLICY_EXPIRED', cites: '庆政办发〔2023〕102号 第8条' });
  });

  it('is in force on the last day of its period and not the day after', () => {
    const org = {
      kind: 'organisation' as const,
      creditCode: '91350100M000100Y43',
      category: 'enterprise' as const,
      region: '621002',
    };
    expect(
      decide({ subsidy: 'one-time-expansion', region: '621002', date: '2023-12-31', applicant: org }).status,
    ).not.toBe('not-in-force');
    expect(decide({ subsidy: 'one-time-expansion', region: '621002', date: '2024-01-01', applicant: org }).status).toBe(
      'not-in-force',
    );
  });

  it('says when a subsidy is not offered in a region at all', () => {
    const org = {
      kind: 'organisation' as const,
      creditCode: '91350100M000100Y43',
      category: 'enterprise' as const,
      region: '520102',
    };
    expect(
      decide({ subsidy: 'one-time-expansion', region: '520102', date: '2023-11-01', applicant: org }),
    ).toMatchObject({ status: 'not-offered', eligible: false });
  });

  it('names every unmet condition, not just the first', () => {
    const d = decide({
      subsidy: 'one-time-startup',
      region: '621002',
      date: '2024-03-01',
      applicant: person({ statuses: [{ kind: 'civil-service-staff', from: '2015-01-01' }] }),
    });
    expect(unmet(d)).toEqual(
      expect.arrayContaining(['FIRST_BUSINESS', 'OPERATED_NORMALLY', 'FOUNDER_GROUP', 'NOT_CIVIL_SERVICE_STAFF']),
    );
  });

  it('records the parameter values a decision used, with their citation', () => {
    const graduate = person({
      graduation: { date: '2024-06-30', institution: 'university' },
      statuses: [{ kind: 'tekun', from: '2020-01-01' }],
    });
    const d = decide({ subsidy: 'one-time-job-seeking', region: '510104', date: '2024-08-01', applicant: graduate });
    expect(d.parameters).toEqual([
      expect.objectContaining({
        parameter: 'job-seeking.amount',
        value: 150_000,
        cites: '川办发〔2024〕34号 （十四）',
      }),
    ]);
  });

  it('refuses a subsidy to the wrong kind of applicant', () => {
    const d = decide({ subsidy: 'one-time-hiring', region: '510104', date: '2024-09-01', applicant: person() });
    expect(d).toMatchObject({ status: 'not-applicable', eligible: false });
  });

  it('every scheme cites a known document, and every subsidy id is unique', () => {
    const ids = new Set<string>();
    for (const subsidy of CATALOGUE) {
      expect(ids.has(subsidy.id)).toBe(false);
      ids.add(subsidy.id);
      for (const scheme of subsidy.schemes) {
        expect(DOCUMENTS[scheme.basis.document]).toBeDefined();
        for (const c of scheme.conditions) expect(DOCUMENTS[c.citation.document]).toBeDefined();
      }
    }
  });
});

describe('parameter resolution', () => {
  const table = new ParameterTable([
    { parameter: 'p', region: '000000', from: '2020-01-01', value: 1, source: 'example' },
    { parameter: 'p', region: '510000', from: '2024-01-01', to: '2024-12-31', value: 2, source: 'example' },
    { parameter: 'p', region: '510000', from: '2024-07-01', to: '2024-12-31', value: 3, source: 'example' },
    { parameter: 'p', region: '510100', from: '2024-01-01', value: 4, source: 'example' },
  ]);

  it('takes the most local value in force', () => {
    expect(table.resolve('p', '510104', '2024-03-01')?.value).toBe(4);
    expect(table.resolve('p', '510304', '2024-03-01')?.value).toBe(2);
  });

  it('within one region, the later value stands', () => {
    expect(table.resolve('p', '510304', '2024-07-01')?.value).toBe(3);
    expect(table.resolve('p', '510304', '2024-06-30')?.value).toBe(2);
  });

  it('falls back to national after a regional value ends', () => {
    expect(table.resolve('p', '510304', '2025-01-01')?.value).toBe(1);
  });
});

describe('a figure a rule needs and nobody has entered', () => {
  it('is not set, never a refusal: the loan-limit rule stands, the decision has no amount and names the parameter', () => {
    const withoutLimit = new PolicyEngine(
      CATALOGUE,
      TEXT_PARAMETERS.filter((p) => p.parameter !== 'startup-loan.individual-limit'),
    );
    const d = withoutLimit.evaluate({
      subsidy: 'startup-loan-interest',
      region: '510104',
      date: '2024-10-01',
      applicant: person(),
      claim: { loan: { borrower: 'individual', principalFen: 30_000_000, annualRateBp: 345, termMonths: 36 } },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: null });
    expect(d.reasons.find((r) => r.code === 'LOAN_WITHIN_LIMIT')).toMatchObject({
      met: true,
      detail: { zh: expect.stringContaining('startup-loan.individual-limit') },
    });
    expect(d.reasons.at(-1)).toMatchObject({ code: 'STANDARD_NOT_SET', cites: '川办发〔2024〕34号 （五）' });
  });
});
