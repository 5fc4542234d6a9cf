import { describe, expect, it } from 'vitest';
import { creditCode } from '../../../policy/src/testing/builders.js';
import { expectOk, staff } from '../testing/fixtures.js';
import {
  act,
  app,
  approver,
  clerk,
  counter,
  evaluation,
  evaluationClaim,
  flags,
  next,
  person,
  reviewer,
  snapshot,
  submit,
} from './risk.test-kit.js';

/** Checks that read a claimant's other claims and people: shared addresses, claims in process, hires who left. */

describe('an address shared by many claimants', () => {
  it('the 7th person registered at one address goes to review, however the address was typed; the 6th does not', async () => {
    const spellings = ['成都市锦江区示例路8号', '成都市 锦江区 示例路８号', '成都市锦江区示例路8号。'];
    for (let i = 0; i < 5; i++) await person(evaluation(), undefined, undefined, spellings[i % 3]);
    const sixth = await person(evaluation(), undefined, undefined, '成都市锦江区示例路8号');
    expect(await flags(await submit(evaluationClaim(sixth)))).toEqual([]);
    const seventh = await person(evaluation(), undefined, undefined, '成都市锦江区 示例路 8 号');
    expect((await flags(await submit(evaluationClaim(seventh)))).map((f) => [f.code, f.severity])).toEqual([
      ['SHARED_ADDRESS', 'review'],
    ]);
  });
});

describe('claims still in process, counted together (caps and exclusive pairs across regions)', () => {
  it('the 4th evaluation claim while three are in process goes to review; the 3rd does not', async () => {
    const occupations = ['焊工', '电工', '车工', '钳工'];
    const p = await person([
      { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
      ...occupations.map((occupation, i) => ({
        kind: 'certificate',
        data: { id: `M${i}`, kind: 'skill-level', occupation, level: 5, issuedOn: '2026-10-01', firstEvaluation: true },
      })),
    ]);
    const claims: string[] = [];
    for (let i = 0; i < 4; i++)
      claims.push(await submit({ subsidy: 'skill-evaluation', personId: p.id, claim: { certificateId: `M${i}` } }));
    expect(await flags(claims[2]!)).toEqual([]);
    const [flag] = await flags(claims[3]!);
    expect(flag).toMatchObject({ code: 'PENDING_CLAIMS_EXCEED', severity: 'review' });
    const view = (await reviewer.request('GET', `/api/v1/applications/${claims[3]}`)).json<{
      riskFlags: { message: { zh: string } }[];
    }>();
    expect(view.riskFlags[0]?.message.zh).toContain('每人累计最多享受3次职业技能评价补贴');
  });

  it('an evaluation claim paid here counts its occupation: the same occupation again is refused by the engine', async () => {
    const p = await person([
      { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
      {
        kind: 'certificate',
        data: {
          id: 'W5',
          kind: 'skill-level',
          occupation: '焊工',
          level: 5,
          issuedOn: '2026-10-01',
          firstEvaluation: true,
        },
      },
      {
        kind: 'certificate',
        data: {
          id: 'W4',
          kind: 'skill-level',
          occupation: '焊工',
          level: 4,
          issuedOn: '2026-11-01',
          firstEvaluation: true,
        },
      },
    ]);
    const first = await submit({ subsidy: 'skill-evaluation', personId: p.id, claim: { certificateId: 'W5' } });
    for (const [c, a] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
    ] as const)
      expectOk(await act(c, first, a));
    const finance = await staff(app, `finance-${next()}`, ['finance'], '510104');
    expectOk(await act(finance, first, 'pay', { paymentReference: 'BANK-1' }));
    const second = await submit({ subsidy: 'skill-evaluation', personId: p.id, claim: { certificateId: 'W4' } });
    expectOk(await act(counter, second, 'accept', { reason: '材料齐全，是否重复享受由审核核定' }));
    expect((await act(reviewer, second, 'review')).json()).toMatchObject({
      code: 'DECISION_NOT_ELIGIBLE',
      message: expect.stringContaining('同一职业（工种）不得重复享受'),
    });
  });
});

describe('a unit whose subsidised hires all left right after payment', () => {
  it('its next claim goes to review once all three hires of the paid claim have left; not while they stay', async () => {
    const unitCode = creditCode('510104');
    const unit = (
      await clerk.request('POST', '/api/v1/organisations', {
        creditCode: unitCode,
        name: '速离单位',
        category: 'enterprise',
        sizeClass: 'small',
        regionCode: '510104',
      })
    ).json<{ id: string }>().id;
    const hire = () =>
      person([
        { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } },
        {
          kind: 'employment',
          data: { kind: 'labour-contract', employer: unitCode, from: '2026-07-01', contractMonths: 12 },
        },
        {
          kind: 'insurance',
          data: {
            fromMonth: '2026-07',
            toMonth: '2026-10',
            payer: 'employer',
            employer: unitCode,
            pensionFen: 50_000,
            medicalFen: 20_000,
            unemploymentFen: 2_000,
          },
        },
      ]);
    const hires = [await hire(), await hire(), await hire()];
    const later = [await hire(), await hire()];
    expectOk(
      await snapshot(
        'social-insurance',
        ['idNumber,fromMonth,toMonth', ...[...hires, ...later].map((h) => `${h.idNumber},2026-07,2026-10`)],
        '2026-11-22',
      ),
      201,
    );
    // One claim per period: each later claim covers a different run of months.
    const claim = (people: { idNumber: string }[], fromMonth = '2026-07') =>
      submit({
        subsidy: 'social-insurance-employer-graduate',
        organisationId: unit,
        claim: {
          hires: people.map((h) => ({
            idNumber: h.idNumber,
            contractStart: '2026-07-01',
            contractMonths: 12,
            insuredMonths: 4,
          })),
          fromMonth,
          toMonth: '2026-10',
        },
      });

    const paid = await claim(hires);
    for (const [c, a] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
    ] as const)
      expectOk(await act(c, paid, a));
    expectOk(
      await act(await staff(app, `finance-${next()}`, ['finance'], '510104'), paid, 'pay', {
        paymentReference: 'BANK-2',
      }),
    );
    expect(await claim([later[0]!], '2026-08').then(flags)).toEqual([]);

    // All three leave the same day the subsidy was paid: their jobs are recorded as ended.
    for (const h of hires) {
      const job = await app.database.db
        .selectFrom('registry_fact')
        .select('id')
        .where('person_id', '=', h.id)
        .where('kind', '=', 'employment')
        .where('retracted_at', 'is', null)
        .executeTakeFirstOrThrow();
      expectOk(
        await clerk.request('POST', `/api/v1/facts/${job.id}/retraction`, { reason: '劳动合同已解除，按离职登记更正' }),
        204,
      );
      expectOk(
        await clerk.request('POST', `/api/v1/people/${h.id}/facts`, {
          kind: 'employment',
          data: {
            kind: 'labour-contract',
            employer: unitCode,
            from: '2026-07-01',
            to: '2026-11-23',
            contractMonths: 12,
          },
        }),
        201,
      );
    }
    const [flag] = await claim([later[1]!], '2026-09').then(flags);
    expect(flag).toMatchObject({ code: 'HIRES_LEFT_AFTER_SUBSIDY', severity: 'review' });
  });
});
