import { describe, expect, it } from 'vitest';
import { decide, engine, example, person, unmet } from '../testing/builders.js';

describe('有组织劳务输出一次性求职补贴, 四川 (川办发〔2024〕34号 (十六))', () => {
  const poor = person({ statuses: [{ kind: 'poverty-alleviated', from: '2020-01-01' }] });
  const ask = (claim: object, e = engine([example('labour-export.job-seeking.standard', '510000', 45_000)])) =>
    e.evaluate({ subsidy: 'labour-export-job-seeking', region: '510104', date: '2024-10-01', applicant: poor, claim });

  it('pays the local standard, capped at 400元', () => {
    expect(
      ask({ export: { destination: 'other-province', organised: true, first: true, stableMonths: 1 } }),
    ).toMatchObject({ eligible: true, amountFen: 40_000 });
  });

  it('only for organised export', () => {
    expect(
      unmet(ask({ export: { destination: 'other-province', organised: false, first: true, stableMonths: 1 } })),
    ).toEqual(['ORGANISED_EXPORT']);
  });

  it('ended on 2025-12-31, citing the document’s period clause', () => {
    const d = decide({ subsidy: 'labour-export-job-seeking', region: '510104', date: '2026-01-01', applicant: poor });
    expect(d.reasons[0]).toMatchObject({ code: 'POLICY_EXPIRED', cites: '川办发〔2024〕34号 末段（施行期限）' });
  });
});
