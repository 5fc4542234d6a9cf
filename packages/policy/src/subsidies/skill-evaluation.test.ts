import { describe, expect, it } from 'vitest';
import type { Certificate, PersonFacts } from '../facts/facts.js';
import { decide, person, unmet } from '../testing/builders.js';

const cert = (extra: Partial<Certificate> = {}): Certificate => ({
  id: 'E1',
  kind: 'skill-level',
  occupation: '焊工',
  level: 5,
  issuedOn: '2024-03-01',
  firstEvaluation: true,
  ...extra,
});
const candidate = (c = cert(), extra: Partial<PersonFacts> = {}) =>
  person({ statuses: [{ kind: 'rural-transfer-worker', from: '2020-01-01' }], certificates: [c], ...extra });
const ask = (applicant: PersonFacts, claim = {}, region = '621002', date = '2024-04-01') =>
  decide({ subsidy: 'skill-evaluation', region, date, applicant, claim: { certificateId: 'E1', ...claim } });

describe('职业技能评价补贴 (财社〔2023〕181号 第六条; 庆政办发〔2023〕102号 第19条)', () => {
  it('庆阳 pays the evaluation fee up to 300元', () => {
    expect(ask(candidate(), { feeFen: 25_000 })).toMatchObject({ eligible: true, amountFen: 25_000 });
    expect(ask(candidate(), { feeFen: 45_000 })).toMatchObject({ eligible: true, amountFen: 30_000 });
  });

  it('庆阳 excludes 专项职业能力证书; the national text accepts it', () => {
    const special = candidate(cert({ kind: 'special-ability' }));
    expect(unmet(ask(special, { feeFen: 20_000 }))).toEqual(['CERTIFICATE_KIND']);
    expect(ask(special, {}, '620102').eligible).toBe(true);
  });

  it('a training-completion certificate never qualifies', () => {
    expect(unmet(ask(candidate(cert({ kind: 'training-completion' })), {}, '620102'))).toEqual(['CERTIFICATE_KIND']);
  });

  it('only a first evaluation counts', () => {
    expect(unmet(ask(candidate(cert({ firstEvaluation: false })), { feeFen: 20_000 }))).toEqual(['FIRST_EVALUATION']);
  });

  it('the 3rd evaluation subsidy is paid, the 4th is not', () => {
    const earlier = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        subsidy: 'skill-evaluation',
        grantedOn: '2023-01-0' + (i + 1),
        region: '621002',
        occupation: `工种${i}`,
      }));
    expect(ask(candidate(cert(), { subsidies: earlier(2) }), { feeFen: 20_000 }).eligible).toBe(true);
    expect(unmet(ask(candidate(cert(), { subsidies: earlier(3) }), { feeFen: 20_000 }))).toEqual([
      'EVALUATION_LIFETIME_CAP',
    ]);
  });

  it('the same occupation is subsidised once, at any level', () => {
    const d = ask(
      candidate(cert({ level: 4 }), {
        subsidies: [
          { subsidy: 'skill-evaluation', grantedOn: '2023-01-01', region: '621002', occupation: '焊工', level: 5 },
        ],
      }),
      { feeFen: 20_000 },
    );
    expect(unmet(d)).toEqual(['SAME_OCCUPATION_ONCE']);
  });

  it('someone outside the six groups is refused', () => {
    expect(unmet(ask(person({ certificates: [cert()] }), { feeFen: 20_000 }))).toEqual(['SIX_GROUPS']);
  });
});
