import { describe, expect, it } from 'vitest';
import { runChecks, type CheckInput } from './checks.js';

const base: CheckInput = { today: '2026-11-23', people: [], claim: {}, duplicates: [] };
const codes = (input: Partial<CheckInput>) => runChecks({ ...base, ...input }).map((f) => [f.code, f.severity]);

describe('hires who all left right after the subsidy', () => {
  const claim = (leftOn: (string | null)[]) => ({
    earlierHires: { claims: [{ number: 'A-1', paidOn: '2026-03-15', leftOn }], months: 6, min: 3 },
  });

  it('all three left on the last day of the six months: flagged for review', () => {
    expect(codes(claim(['2026-04-01', '2026-05-01', '2026-09-15']))).toEqual([['HIRES_LEFT_AFTER_SUBSIDY', 'review']]);
  });
  it('one of them left a day after the six months: not flagged', () => {
    expect(codes(claim(['2026-04-01', '2026-05-01', '2026-09-16']))).toEqual([]);
  });
  it('one is still there: not flagged', () => {
    expect(codes(claim(['2026-04-01', '2026-05-01', null]))).toEqual([]);
  });
  it('two hires are too few to call a pattern (the minimum is three)', () => {
    expect(codes(claim(['2026-04-01', '2026-05-01']))).toEqual([]);
  });
  it('leaving before the payment is a different story, not this one', () => {
    expect(codes(claim(['2026-03-14', '2026-05-01', '2026-06-01']))).toEqual([]);
  });
});

describe('claims still in process counted together', () => {
  it('flags the rules the claim breaks once the others are counted, citing the first', () => {
    const [finding] = runChecks({
      ...base,
      pendingElsewhere: {
        numbers: ['510105-2026-000001'],
        broken: [
          { message: { zh: '同一职业不得重复享受', en: 'Once per occupation' }, cites: '财社〔2023〕181号 第十四条' },
        ],
      },
    });
    expect(finding).toMatchObject({
      code: 'PENDING_CLAIMS_EXCEED',
      severity: 'review',
      cites: '财社〔2023〕181号 第十四条',
    });
    expect(finding?.message.zh).toContain('510105-2026-000001');
  });
  it('nothing broken, nothing flagged', () => {
    expect(codes({ pendingElsewhere: { numbers: ['510105-2026-000001'], broken: [] } })).toEqual([]);
  });
});

describe('training risk warnings (人社部发〔2024〕5号 (三)(十四))', () => {
  const training = (over: Partial<NonNullable<CheckInput['training']>>) => ({
    training: {
      classNumber: 'PX-1',
      sessions: 10,
      attended: 8,
      overlapping: [],
      assessed: 12,
      passed: 11,
      minAttendancePermille: 800,
      passRateClassSize: 20,
      ...over,
    },
  });
  it('attendance at the threshold passes; one session fewer is blocked', () => {
    expect(codes(training({ attended: 8 }))).toEqual([]);
    expect(codes(training({ attended: 7 }))).toEqual([['ATTENDANCE_BELOW_THRESHOLD', 'block']]);
  });
  it('a trainee on two overlapping rosters is blocked', () => {
    expect(codes(training({ overlapping: ['PX-2'] }))).toEqual([['TRAINEE_IN_TWO_CLASSES', 'block']]);
  });
  it('everyone passing in a class of the threshold size goes to review; one short of it, or one failing, does not', () => {
    expect(codes(training({ assessed: 20, passed: 20 }))).toEqual([['PASS_RATE_SUSPICIOUS', 'review']]);
    expect(codes(training({ assessed: 19, passed: 19 }))).toEqual([]);
    expect(codes(training({ assessed: 20, passed: 19 }))).toEqual([]);
  });
});
