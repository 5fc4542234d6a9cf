import { describe, expect, it } from 'vitest';
import type { Certificate, PersonFacts, ReceivedSubsidy } from '../facts/facts.js';
import { decide, engine, example, person, unmet } from '../testing/builders.js';

const cert = (id: string, extra: Partial<Certificate> = {}): Certificate => ({
  id,
  kind: 'skill-level',
  occupation: '电工',
  level: 4,
  issuedOn: '2025-06-20',
  training: { kind: 'employment-skills', from: '2025-05-01', to: '2025-06-10' },
  ...extra,
});
const granted = (n: number, extra: Partial<ReceivedSubsidy> = {}): ReceivedSubsidy[] =>
  Array.from({ length: n }, (_, i) => ({
    subsidy: 'vocational-training',
    grantedOn: `202${i}-03-01`,
    region: '510104',
    occupation: `工种${i}`,
    level: 5 as const,
    ...extra,
  }));
const unemployed = (extra: Partial<PersonFacts> = {}) =>
  person({ statuses: [{ kind: 'registered-unemployed', from: '2025-01-01' }], certificates: [cert('C1')], ...extra });
const local = engine([example('vocational-training.standard', '510000', 120_000)]);
const ask = (applicant: PersonFacts, claim = {}, region = '510104', date = '2025-07-01') =>
  decide({ subsidy: 'vocational-training', region, date, applicant, claim: { certificateId: 'C1', ...claim } }, local);

describe('职业培训补贴 (财社〔2023〕181号 第五条; 四川 办法 第六条（一）; 人社部发〔2024〕5号 (十二))', () => {
  it('a registered-unemployed trainee with a skill-level certificate is paid the local standard', () => {
    expect(ask(unemployed())).toMatchObject({
      eligible: true,
      amountFen: 120_000,
      scheme: 'vocational-training/sichuan-2025',
    });
  });

  it('the training-demand catalogue standard, where given, is the amount', () => {
    expect(ask(unemployed(), { catalogueStandardFen: 180_000 }).amountFen).toBe(180_000);
  });

  it('a person outside the six groups at the start of training is refused', () => {
    expect(unmet(ask(person({ certificates: [cert('C1')] })))).toEqual(['TRAINING_TARGET_GROUP']);
  });

  it('a new hire from the six groups, trained within a year of a 1-year contract, qualifies', () => {
    const hire = person({
      statuses: [{ kind: 'registered-unemployed', from: '2024-06-01', to: '2024-09-30' }],
      employments: [
        { kind: 'labour-contract', employer: '91350100M000100Y43', from: '2024-10-01', contractMonths: 24 },
      ],
      certificates: [cert('C1')],
    });
    expect(ask(hire).eligible).toBe(true);
  });

  it('the 3rd training subsidy is paid, the 4th is not', () => {
    expect(ask(unemployed({ subsidies: granted(2) })).eligible).toBe(true);
    expect(unmet(ask(unemployed({ subsidies: granted(3) })))).toEqual(['TRAINING_LIFETIME_CAP']);
  });

  it('in 四川, entrepreneurship training is counted apart from employment-skills training', () => {
    const entrepreneur = unemployed({
      subsidies: granted(3),
      certificates: [
        cert('C1', {
          kind: 'training-completion',
          training: { kind: 'entrepreneurship', from: '2025-05-01', to: '2025-05-20' },
        }),
      ],
    });
    expect(ask(entrepreneur).eligible).toBe(true);
    // The national text counts all three together.
    expect(
      unmet(
        decide({
          subsidy: 'vocational-training',
          region: '620102',
          date: '2025-07-01',
          applicant: entrepreneur,
          claim: { certificateId: 'C1' },
        }),
      ),
    ).toEqual(['TRAINING_LIFETIME_CAP']);
  });

  it('the same occupation at the same level is subsidised once, counting skill-upgrading subsidies', () => {
    const d = ask(
      unemployed({
        subsidies: [
          { subsidy: 'skill-upgrading', grantedOn: '2024-03-01', region: '510104', occupation: '电工', level: 4 },
        ],
      }),
    );
    expect(unmet(d)).toEqual(['SAME_OCCUPATION_LEVEL_ONCE']);
  });

  it('no lower-level claim after a higher level of the same occupation', () => {
    const d = ask(unemployed({ subsidies: granted(1, { occupation: '电工', level: 3 }) }));
    expect(unmet(d)).toEqual(['NO_LOWER_LEVEL_AFTER_HIGHER']);
    expect(ask(unemployed({ subsidies: granted(1, { occupation: '电工', level: 5 }) })).eligible).toBe(true);
  });

  it('a certificate is claimed for once', () => {
    expect(
      unmet(
        ask(
          unemployed({
            subsidies: [
              { subsidy: 'vocational-training', grantedOn: '2025-06-30', region: '510104', certificateId: 'C1' },
            ],
          }),
        ),
      ),
    ).toContain('CERTIFICATE_NOT_CLAIMED');
  });

  it('a certificate without training behind it is not a training claim', () => {
    const { training: _omit, ...noTraining } = cert('C1');
    expect(unmet(ask(unemployed({ certificates: [noTraining] })))).toEqual(['TRAINING_COMPLETED']);
  });

  it('without a local standard the decision is eligible with no amount, and says why', () => {
    const d = decide({
      subsidy: 'vocational-training',
      region: '620102',
      date: '2025-07-01',
      applicant: unemployed(),
      claim: { certificateId: 'C1' },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: null });
  });
});

describe('职业培训补贴 for enterprise staff in 企业新型学徒制 or 技师培训 (181号 第五条（二）: 给予职工个人或企业)', () => {
  const apprentice = (extra: Partial<PersonFacts> = {}) =>
    person({
      employments: [{ kind: 'labour-contract', employer: '91510104MA0000001X', from: '2019-01-01' }],
      certificates: [cert('C1', { training: { kind: 'apprenticeship', from: '2024-09-01', to: '2025-06-10' } })],
      ...extra,
    });

  it('an employed apprentice, certified after training, is paid as a person', () => {
    expect(ask(apprentice())).toMatchObject({ eligible: true, amountFen: 120_000 });
  });

  it('not someone without a labour contract when the training began', () => {
    expect(unmet(ask(apprentice({ employments: [{ kind: 'labour-contract', from: '2024-09-02' }] })))).toEqual([
      'TRAINING_TARGET_GROUP',
    ]);
  });

  it('not a certificate the enterprise was already paid for', () => {
    const paid = apprentice({
      subsidies: [
        { subsidy: 'enterprise-staff-training', grantedOn: '2025-06-25', region: '510104', certificateId: 'C1' },
      ],
    });
    expect(unmet(ask(paid))).toEqual(['CERTIFICATE_NOT_CLAIMED']);
  });
});
