import { describe, expect, it } from 'vitest';
import type { ClaimFacts, PersonFacts } from '../facts/facts.js';
import { decide, person, unmet } from '../testing/builders.js';

const business = {
  creditCode: '91621002MA7A0001X4',
  form: 'individual-business' as const,
  registeredOn: '2024-03-01',
  operatingNormally: true,
};
const founder = (extra: Partial<PersonFacts> = {}) =>
  person({ statuses: [{ kind: 'returning-migrant-worker', from: '2023-01-01' }], businesses: [business], ...extra });
const ask = (
  p: PersonFacts,
  claim: ClaimFacts = { projectGrantFen: 8_000_000 },
  date = '2024-09-01',
  region = '621002',
) => decide({ subsidy: 'startup-project-fund', region, date, applicant: p, claim });

describe('省级创业带动就业资金补助 (庆政办发〔2023〕102号 第14条)', () => {
  it('支持农民工等群体创办创业项目，按规定申报3—15万元省级创业带动就业资金补助', () => {
    expect(ask(founder())).toMatchObject({
      eligible: true,
      amountFen: 8_000_000,
      scheme: 'startup-project-fund/qingyang-2023',
    });
  });

  it('graduates and veterans too', () => {
    expect(ask(founder({ statuses: [], graduation: { date: '2022-06-30', institution: 'university' } })).eligible).toBe(
      true,
    );
    expect(ask(founder({ statuses: [{ kind: 'veteran', from: '2020-01-01' }] })).eligible).toBe(true);
  });

  it('not for a founder outside the groups named', () => {
    expect(unmet(ask(founder({ statuses: [] })))).toEqual(['FOUNDER_GROUP']);
  });

  it('the grant must be 3万 to 15万元: both ends count, a fen beyond does not', () => {
    expect(ask(founder(), { projectGrantFen: 3_000_000 }).eligible).toBe(true);
    expect(ask(founder(), { projectGrantFen: 15_000_000 }).eligible).toBe(true);
    expect(unmet(ask(founder(), { projectGrantFen: 2_999_999 }))).toEqual(['GRANT_IN_RANGE']);
    expect(unmet(ask(founder(), { projectGrantFen: 15_000_001 }))).toEqual(['GRANT_IN_RANGE']);
    expect(unmet(ask(founder(), {}))).toEqual(['GRANT_IN_RANGE']);
  });

  it('the project’s business must be running', () => {
    expect(unmet(ask(founder({ businesses: [] })))).toEqual(['PROJECT_BUSINESS']);
    expect(unmet(ask(founder({ businesses: [{ ...business, operatingNormally: false }] })))).toEqual([
      'PROJECT_BUSINESS',
    ]);
    expect(unmet(ask(founder({ businesses: [{ ...business, deregisteredOn: '2024-09-01' }] })))).toEqual([
      'PROJECT_BUSINESS',
    ]);
  });

  it('from 2023-10-27, with no end date; only in 庆阳', () => {
    const early = founder({ businesses: [{ ...business, registeredOn: '2023-01-01' }] });
    expect(ask(early, undefined, '2023-10-26').status).toBe('not-in-force');
    expect(ask(early, undefined, '2023-10-27').eligible).toBe(true);
    expect(ask(founder(), undefined, '2026-09-01').eligible).toBe(true);
    expect(ask(founder(), undefined, '2024-09-01', '620102').status).toBe('not-offered');
  });
});
