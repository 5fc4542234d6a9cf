import { describe, expect, it } from 'vitest';
import type { DatedStatus, PersonStatusKind } from '../facts/facts.js';
import { decide, engine, example, person, unmet } from '../testing/builders.js';

const graduate = (
  statuses: DatedStatus<PersonStatusKind>[] = [{ kind: 'dibao-household', from: '2019-01-01' }],
  date = '2025-06-30',
) => person({ graduation: { date, institution: 'university' }, statuses });
const ask = (applicant = graduate(), date = '2025-03-01', region = '510104') =>
  decide({ subsidy: 'one-time-job-seeking', region, date, applicant });

describe('一次性求职补贴 (财社〔2023〕181号 第八条; 川办发〔2024〕34号 (十四); 庆政办发〔2023〕102号 第22条)', () => {
  it('a 低保-family graduate in the graduation academic year gets 1500元 in 四川', () => {
    expect(ask()).toMatchObject({ eligible: true, amountFen: 150_000, scheme: 'one-time-job-seeking/sichuan-2024' });
  });

  it('from 2025-05-01 the 四川 办法 governs, still at 1500元 from 川办发〔2024〕34号', () => {
    expect(ask(graduate(), '2025-04-30').scheme).toBe('one-time-job-seeking/sichuan-2024');
    expect(ask(graduate(), '2025-05-01')).toMatchObject({
      amountFen: 150_000,
      scheme: 'one-time-job-seeking/sichuan-2025',
    });
  });

  it.each(['zero-employment-household', 'poverty-monitoring', 'tekun', 'disabled', 'national-student-loan'] as const)(
    '%s qualifies as hardship',
    (kind) => {
      expect(ask(graduate([{ kind, from: '2019-01-01' }])).eligible).toBe(true);
    },
  );

  it('a graduate with no hardship status is refused, with the reason', () => {
    expect(unmet(ask(graduate([])))).toEqual(['JOB_SEEKING_HARDSHIP']);
  });

  it('the graduation academic year runs 1 September to 31 August: 08-31 in, 09-01 out', () => {
    expect(ask(graduate(), '2025-08-31').eligible).toBe(true);
    expect(unmet(ask(graduate(), '2025-09-01'))).toContain('GRADUATION_ACADEMIC_YEAR');
    expect(ask(graduate(), '2024-09-01').eligible).toBe(true);
    expect(unmet(ask(graduate(), '2024-08-31'))).toContain('GRADUATION_ACADEMIC_YEAR');
  });

  it('is paid once', () => {
    const again = graduate();
    const d = ask({
      ...again,
      subsidies: [{ subsidy: 'one-time-job-seeking', grantedOn: '2025-01-10', region: '510104' }],
    });
    expect(unmet(d)).toEqual(['NOT_RECEIVED_BEFORE']);
  });

  it('is not paid to staff on a government establishment', () => {
    expect(
      unmet(
        ask(
          graduate([
            { kind: 'disabled', from: '2010-01-01' },
            { kind: 'civil-service-staff', from: '2025-01-01' },
          ]),
        ),
      ),
    ).toEqual(['NOT_CIVIL_SERVICE_STAFF']);
  });

  it('四川 1500元 holds to 2025-12-31; from 2026-01-01 the standard is local', () => {
    const late = graduate([{ kind: 'tekun', from: '2019-01-01' }], '2026-06-30');
    expect(ask(late, '2025-12-31')).toMatchObject({ amountFen: 150_000 });
    expect(ask(late, '2026-01-01')).toMatchObject({ eligible: true, amountFen: null });
    const withLocal = engine([example('job-seeking.amount', '510000', 180_000, '2026-01-01')]);
    expect(
      withLocal.evaluate({ subsidy: 'one-time-job-seeking', region: '510104', date: '2026-01-01', applicant: late })
        .amountFen,
    ).toBe(180_000);
  });

  it('庆阳 pays 1000元', () => {
    expect(ask(graduate([{ kind: 'tekun', from: '2019-01-01' }], '2024-06-30'), '2024-03-01', '621002')).toMatchObject({
      amountFen: 100_000,
      scheme: 'one-time-job-seeking/qingyang-2023-12',
    });
  });
});
