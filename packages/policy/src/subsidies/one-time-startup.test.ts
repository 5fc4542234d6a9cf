import { describe, expect, it } from 'vitest';
import type { Business, PersonFacts } from '../facts/facts.js';
import { creditCode, decide, person, unmet } from '../testing/builders.js';

const business = (registeredOn: string, extra: Partial<Business> = {}): Business => ({
  creditCode: creditCode(),
  form: 'individual-business',
  registeredOn,
  operatingNormally: true,
  ...extra,
});
const founder = (b: Business[], extra: Partial<PersonFacts> = {}) =>
  person({ graduation: { date: '2023-06-30', institution: 'university' }, businesses: b, ...extra });
const ask = (applicant: PersonFacts, date: string, region = '621002') =>
  decide({ subsidy: 'one-time-startup', region, date, applicant });

describe('一次性创业补贴', () => {
  describe('庆阳 (庆政办发〔2023〕102号 第14条): 5000元', () => {
    it('a graduate whose first individual business has operated 12 months gets 5000元', () => {
      expect(ask(founder([business('2023-09-01')]), '2024-09-01')).toMatchObject({
        eligible: true,
        amountFen: 500_000,
      });
    });
    it('the day before 12 months of operation it is refused', () => {
      expect(unmet(ask(founder([business('2023-09-01')]), '2024-08-31'))).toEqual(['OPERATED_NORMALLY']);
    });
    it('a veteran qualifies in 庆阳 though not under the national text', () => {
      const vet = person({ statuses: [{ kind: 'veteran', from: '2020-01-01' }], businesses: [business('2023-01-01')] });
      expect(ask(vet, '2024-02-01').eligible).toBe(true);
      expect(unmet(ask(vet, '2024-02-01', '620102'))).toEqual(['FOUNDER_GROUP']);
    });
  });

  describe('national (财社〔2023〕181号 第九条)', () => {
    it('a graduate more than 2 years out of school when registering does not qualify', () => {
      const late = founder([business('2025-07-01')]);
      expect(unmet(ask(late, '2026-08-01', '620102'))).toEqual(['FOUNDER_GROUP']);
    });
    it('a second business is not a first business', () => {
      const serial = founder([business('2023-08-01', { deregisteredOn: '2023-12-01' }), business('2024-01-01')]);
      const d = decide({
        subsidy: 'one-time-startup',
        region: '620102',
        date: '2025-02-01',
        applicant: serial,
        claim: { businessCreditCode: serial.businesses?.[1]?.creditCode as string },
      });
      expect(unmet(d)).toEqual(['FIRST_BUSINESS']);
    });
    it('a medium enterprise is not small or micro', () => {
      expect(
        unmet(
          ask(founder([business('2023-08-01', { form: 'enterprise', sizeClass: 'medium' })]), '2024-09-01', '620102'),
        ),
      ).toEqual(['FIRST_BUSINESS']);
    });
    it('a deregistered business has not operated normally', () => {
      expect(
        unmet(ask(founder([business('2023-08-01', { deregisteredOn: '2024-08-01' })]), '2024-09-01', '620102')),
      ).toEqual(['OPERATED_NORMALLY']);
    });
  });

  describe('四川', () => {
    it('2024 (川办发〔2024〕34号 (五)): 1万元 after a year', () => {
      expect(ask(founder([business('2023-08-01')]), '2024-09-01', '510104')).toMatchObject({
        amountFen: 1_000_000,
        scheme: 'one-time-startup/sichuan-2024',
      });
    });
    it('2025 办法 第六条（四）: 6 months suffice, graduates up to 5 years out, veterans included', () => {
      const fiveYears = person({
        graduation: { date: '2021-06-30', institution: 'university' },
        businesses: [business('2025-03-01')],
      });
      expect(ask(fiveYears, '2025-09-01', '510104')).toMatchObject({
        eligible: true,
        amountFen: 1_000_000,
        scheme: 'one-time-startup/sichuan-2025',
      });
      expect(unmet(ask(fiveYears, '2025-08-31', '510104'))).toEqual(['OPERATED_NORMALLY']);
    });
    it('the 18-month follow-on needs the first grant and 18 months', () => {
      const b = business('2025-05-01');
      const p = founder([b], {
        subsidies: [{ subsidy: 'one-time-startup', grantedOn: '2025-11-10', region: '510104' }],
      });
      const d = decide({ subsidy: 'startup-follow-on', region: '510104', date: '2026-11-01', applicant: p });
      expect(d).toMatchObject({ eligible: true, amountFen: null });
      expect(
        unmet(decide({ subsidy: 'startup-follow-on', region: '510104', date: '2026-10-31', applicant: p })),
      ).toEqual(['OPERATED_NORMALLY']);
    });
  });
});
