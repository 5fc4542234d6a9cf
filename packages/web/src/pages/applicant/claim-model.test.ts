import {
  addDays,
  CATALOGUE,
  PERSON_STATUS_NAMES,
  PolicyEngine,
  residentIdCheckChar,
  TEXT_PARAMETERS,
  type Hire,
  type IsoDate,
  type SubsidyDefinition,
} from '@huimin/policy';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { claimFieldsOf, formAsks, hireInsuranceFrom, toClaim } from './claim-model.js';

/**
 * 就业创业服务补助 is claimed per station, base or event (财社〔2023〕181号 第十二条): the form's
 * 服务站点（基地、活动） becomes `claim.service.site`, trimmed; left empty, the claim names none.
 */
describe('the service claim’s station, base or event', () => {
  const service = { kind: 'public-service' as const, served: 120, outcomes: 30 };

  it('a station typed in the form is the claim’s site, without the spaces around it', () => {
    expect(toClaim('employment-service', { year: 2026, service: { ...service, site: ' 春熙路零工驿站 ' } })).toEqual({
      year: 2026,
      service: { kind: 'public-service', site: '春熙路零工驿站', served: 120, outcomes: 30 },
    });
  });

  it('left empty (or only spaces), the claim names no site: the unit’s one claim for the year', () => {
    for (const site of [undefined, '', '   '])
      expect(toClaim('employment-service', { year: 2026, service: { ...service, site } })).toEqual({
        year: 2026,
        service: { kind: 'public-service', served: 120, outcomes: 30 },
      });
  });
});

/** A unit lists the people it hired by ID number (吸纳人员名单); "Add a person" opens an empty row. */
describe('the hires a unit lists', () => {
  it('a row just added, with no ID number typed yet, is not a hire: the preview goes on without it', () => {
    expect(toClaim('employer-post-subsidy', { hires: [{ insuredMonths: 1 }] })).toEqual({});
    expect(toClaim('employer-post-subsidy', { hires: [undefined, { idNumber: '  ', insuredMonths: 1 }] })).toEqual({});
  });

  it('a typed ID number is the hire’s, upper-cased and trimmed, beside the rows still being filled in', () => {
    expect(
      toClaim('one-time-hiring', {
        hires: [
          { idNumber: ' 51010420040305002x ', contractStart: dayjs('2026-03-01'), insuredMonths: 6 },
          { insuredMonths: 1 },
          { idNumber: '51010420040305002X' },
        ],
      }),
    ).toEqual({ hires: [{ idNumber: '51010420040305002X', contractStart: '2026-03-01', insuredMonths: 6 }] });
  });

  it('the months insured go with the claim only where the rules read what the unit says, not the records', () => {
    const hire = { idNumber: '51010420040305002X', contractStart: dayjs('2026-03-01'), insuredMonths: 6 };
    expect(toClaim('one-time-expansion', { hires: [hire] })).toMatchObject({ hires: [{ insuredMonths: 6 }] });
    expect(toClaim('social-insurance-employer-graduate', { hires: [hire] })).toEqual({
      hires: [{ idNumber: '51010420040305002X', contractStart: '2026-03-01' }],
    });
    expect(toClaim('employer-post-subsidy', { hires: [hire] })).toEqual({
      hires: [{ idNumber: '51010420040305002X', contractStart: '2026-03-01' }],
    });
  });
});

/** "Fill it in on the form" is said only of a field the subsidy's form has. */
describe('what the form asks', () => {
  it('the fee of 技能评价补贴 is typed in 元 where the engine reads it in fen', () => {
    expect(formAsks('skill-evaluation', 'claim.feeFen')).toBe(true);
    expect(formAsks('premises-rent', 'claim.rentFen')).toBe(true);
    expect(formAsks('one-time-startup', 'claim.businessCreditCode')).toBe(true);
  });

  it('which certificate a training claim is for is never typed (the newest is used), nor another subsidy’s field', () => {
    expect(formAsks('vocational-training', 'claim.certificateId')).toBe(false);
    expect(formAsks('skill-evaluation', 'claim.businessCreditCode')).toBe(false);
  });
});

/**
 * The form asks for the months insured only where a rule reads them (`hireInsuranceFrom`). A rule
 * added or changed in the policy package must not leave the form asking for nothing, or not asking
 * what the engine needs: each version of each subsidy whose form lists hires is asked about a hire
 * who qualifies in every other way, with no months insured and with three years.
 */
describe('the months insured a unit types, against the rules that read them', () => {
  const engine = new PolicyEngine(CATALOGUE, TEXT_PARAMETERS);
  const statuses = (Object.keys(PERSON_STATUS_NAMES) as (keyof typeof PERSON_STATUS_NAMES)[]).map((kind) => ({
    kind,
    from: '2000-01-01',
  }));
  const first17 = '51010420030305001';
  const hire = (on: IsoDate, insuredMonths: number): Hire => ({
    person: {
      kind: 'person',
      idNumber: first17 + residentIdCheckChar(first17),
      graduation: { date: addDays(on, -30), institution: 'university' },
      statuses,
    },
    contractStart: on,
    contractMonths: 36,
    insuredMonths,
  });
  const readsInsuredMonths = (subsidy: SubsidyDefinition) =>
    subsidy.schemes.some((scheme) => {
      const reasons = (insuredMonths: number) =>
        JSON.stringify(
          engine.evaluate({
            subsidy: subsidy.id,
            region: scheme.region,
            date: scheme.from,
            applicant: {
              kind: 'organisation',
              creditCode: '91510104MA00000014',
              category: 'enterprise',
              sizeClass: 'small',
              region: scheme.region,
            },
            claim: { hires: [hire(scheme.from, insuredMonths)] },
          }).reasons,
        );
      return reasons(0) !== reasons(36);
    });

  const withHires = CATALOGUE.filter((s) => claimFieldsOf(s.id).includes('hires'));
  it.each(withHires.map((s) => [s.id, s] as const))('%s', (_, subsidy) => {
    expect(hireInsuranceFrom(subsidy.id) === 'claim').toBe(readsInsuredMonths(subsidy));
  });

  it('every subsidy whose form lists hires is asked, 一次性吸纳就业补贴 and 单位社保补贴 among them', () => {
    expect(withHires.map((s) => s.id)).toEqual(
      expect.arrayContaining(['one-time-hiring', 'social-insurance-employer-graduate']),
    );
  });
});
