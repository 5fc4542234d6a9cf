import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue.js';
import { DOCUMENTS } from '../core/documents.js';
import { unitOf } from '../core/durations.js';
import { ParameterTable } from '../core/parameters.js';
import { decide, person } from '../testing/builders.js';
import { TEXT_DURATIONS } from './durations.js';

const schemes = CATALOGUE.flatMap((s) => s.schemes);

describe('durations the texts state', () => {
  it('each is cited to a known document and counted in months or years', () => {
    for (const d of TEXT_DURATIONS.values) {
      expect(d.source).toBe('text');
      expect(d.citation && DOCUMENTS[d.citation.document], d.parameter).toBeTruthy();
      expect(['months', 'years']).toContain(unitOf(d));
    }
  });

  it('each scheme applies the value in force in its region on its first day, resolved as amounts are', () => {
    const table = new ParameterTable(TEXT_DURATIONS.values);
    for (const s of schemes) {
      for (const d of s.durations)
        expect(table.resolve(d.parameter, s.region, s.from), `${s.id} ${d.parameter}`).toEqual(d);
    }
  });

  it('every value stated is applied by some scheme', () => {
    const applied = new Set(schemes.flatMap((s) => s.durations.map((d) => `${d.parameter}@${d.region}@${d.from}`)));
    const unused = TEXT_DURATIONS.values
      .filter((d) => !applied.has(`${d.parameter}@${d.region}@${d.from}`))
      .map((d) => `${d.parameter} ${d.region} ${d.from}`);
    expect(unused).toEqual([]);
  });
});

describe('a decision states the duration it applied and cites its article', () => {
  const founder = (registeredOn: string) =>
    person({
      statuses: [{ kind: 'hard-to-employ', from: '2020-01-01' }],
      businesses: [
        { creditCode: '92510104MA0000001X', form: 'individual-business', registeredOn, operatingNormally: true },
      ],
    });

  it('四川 from 2025-05-01: a business run 6 months (办法 第六条（四）) qualifies for 一次性创业补贴', () => {
    const d = decide({
      subsidy: 'one-time-startup',
      region: '510104',
      date: '2025-12-01',
      applicant: founder('2025-06-01'),
    });
    const operated = d.reasons.find((r) => r.code === 'OPERATED_NORMALLY');
    expect(operated).toMatchObject({
      met: true,
      cites: '《四川省中央和省级财政就业创业补助资金管理办法》 第六条（四）',
    });
    expect(operated?.message.zh).toContain('6个月');
  });

  it('四川 before 2025-05-01: 川办发〔2024〕34号 （五） asks for 12 months, so 6 is not enough', () => {
    const d = decide({
      subsidy: 'one-time-startup',
      region: '510104',
      date: '2025-03-01',
      applicant: founder('2024-09-01'),
    });
    const operated = d.reasons.find((r) => r.code === 'OPERATED_NORMALLY');
    expect(operated).toMatchObject({ met: false, cites: '川办发〔2024〕34号 （五）' });
    expect(operated?.message.zh).toContain('12个月');
  });
});
