import { describe, expect, it } from 'vitest';
import type { ClaimFacts, PersonFacts } from '../facts/facts.js';
import { engine, example, person, unmet } from '../testing/builders.js';

const business = {
  creditCode: '91522601MA7A0002X2',
  form: 'individual-business' as const,
  registeredOn: '2024-01-10',
  operatingNormally: true,
};
const returnee = (extra: Partial<PersonFacts> = {}) =>
  person({ statuses: [{ kind: 'returning-migrant-worker', from: '2023-06-01' }], businesses: [business], ...extra });

describe('场所租赁补贴 (贵州 重点帮扶县实施意见 二（六）)', () => {
  const gz = engine([
    example('premises-rent.share-permille', '520000', 500),
    example('premises-rent.cap', '520000', 600_000),
  ]);
  const ask = (p: PersonFacts, claim: ClaimFacts = { rentFen: 1_000_000 }, date = '2024-09-01') =>
    gz.evaluate({ subsidy: 'premises-rent', region: '522601', date, applicant: p, claim });

  it('返乡创业的农民工租赁经营场所：按规定给予场所租赁补贴', () => {
    expect(ask(returnee())).toMatchObject({ eligible: true, amountFen: 500_000, scheme: 'premises-rent/guizhou-2022' });
  });

  it('up to the cap the region sets', () => {
    expect(ask(returnee(), { rentFen: 2_000_000 }).amountFen).toBe(600_000);
  });

  it('脱贫人口 and 防止返贫监测对象 who start a business, too; others not', () => {
    expect(ask(returnee({ statuses: [{ kind: 'poverty-monitoring', from: '2022-01-01' }] })).eligible).toBe(true);
    expect(unmet(ask(returnee({ statuses: [] })))).toEqual(['RETURNING_FOUNDER']);
  });

  it('needs a running business and rent paid', () => {
    expect(unmet(ask(returnee({ businesses: [] })))).toEqual(['BUSINESS_RUNNING']);
    expect(unmet(ask(returnee({ businesses: [{ ...business, registeredOn: '2024-09-02' }] })))).toEqual([
      'BUSINESS_RUNNING',
    ]);
    expect(unmet(ask(returnee(), {}))).toEqual(['RENT_PAID']);
  });

  it('from 2022-01-14, only in 贵州; without a local share, the standard is not set', () => {
    const early = returnee({
      statuses: [{ kind: 'returning-migrant-worker', from: '2021-01-01' }],
      businesses: [{ ...business, registeredOn: '2021-01-01' }],
    });
    expect(ask(early, undefined, '2022-01-13').status).toBe('not-in-force');
    expect(ask(early, undefined, '2022-01-14').eligible).toBe(true);
    expect(
      gz.evaluate({
        subsidy: 'premises-rent',
        region: '510104',
        date: '2024-09-01',
        applicant: returnee(),
        claim: { rentFen: 1 },
      }).status,
    ).toBe('not-offered');
    expect(
      engine().evaluate({
        subsidy: 'premises-rent',
        region: '522601',
        date: '2024-09-01',
        applicant: returnee(),
        claim: { rentFen: 1_000_000 },
      }),
    ).toMatchObject({ eligible: true, amountFen: null });
  });
});
