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

/** Each check with a planted case it must catch and a clean case it must pass. */

describe('risk checks at submission', () => {
  it('a deceased person is blocked; a living one passes', async () => {
    const dead = await person();
    const alive = await person();
    expectOk(await snapshot('deaths', ['idNumber,date', `${dead.idNumber},2026-10-01`]), 201);
    const blocked = await submit(evaluationClaim(dead));
    const clean = await submit(evaluationClaim(alive));
    expect((await flags(blocked)).map((f) => [f.code, f.severity])).toEqual([['PERSON_DECEASED', 'block']]);
    expect(await flags(clean)).toEqual([]);
    expectOk(await act(counter, blocked, 'accept'));
    expect((await act(reviewer, blocked, 'review')).json()).toMatchObject({
      code: 'RISK_BLOCKED',
      message: expect.stringContaining('财社〔2023〕181号 第二十三条'),
    });
    expectOk(await act(counter, clean, 'accept'));
    expectOk(await act(reviewer, clean, 'review'));
  });

  it('someone on the civil-service roster is blocked (181号 第十六条)', async () => {
    const staffer = await person();
    expectOk(await snapshot('civil-service-roster', ['idNumber,unit', `${staffer.idNumber},某局`]), 201);
    expect((await flags(await submit(evaluationClaim(staffer)))).map((f) => f.code)).toEqual(['CIVIL_SERVICE_ROSTER']);
    expect(await flags(await submit(evaluationClaim(await person())))).toEqual([]);
  });

  it('a deregistered unit is blocked; an active one passes', async () => {
    const graduate = () =>
      person([
        { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } },
        { kind: 'employment', data: { kind: 'labour-contract', from: '2026-07-01', contractMonths: 12 } },
      ]);
    const gone = creditCode('510104');
    const open = creditCode('510104');
    expectOk(
      await snapshot('business-registry', [
        'creditCode,status,deregisteredOn',
        `${gone},deregistered,2026-10-15`,
        `${open},active,`,
      ]),
      201,
    );
    const claim = async (code: string) => {
      const unit = await clerk.request('POST', '/api/v1/organisations', {
        creditCode: code,
        name: `单位${code.slice(-4)}`,
        category: 'enterprise',
        sizeClass: 'small',
        regionCode: '510104',
      });
      const hire = await graduate();
      return submit({
        subsidy: 'social-insurance-employer-graduate',
        organisationId: unit.json<{ id: string }>().id,
        claim: {
          hires: [{ idNumber: hire.idNumber, contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 }],
          fromMonth: '2026-07',
          toMonth: '2026-10',
        },
      });
    };
    expect((await flags(await claim(gone))).map((f) => f.code)).toEqual(['UNIT_DEREGISTERED']);
    expect(await flags(await claim(open))).toEqual([]);
  });

  it('months missing from the contribution records go to manual review, which a reviewer clears with a reason', async () => {
    const facts = [
      { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-01-01' } },
      { kind: 'employment', data: { kind: 'flexible', from: '2025-01-01' } },
      {
        kind: 'insurance',
        data: {
          fromMonth: '2026-01',
          toMonth: '2026-06',
          payer: 'self',
          pensionFen: 60_000,
          medicalFen: 30_000,
          unemploymentFen: 3_000,
        },
      },
    ];
    const short = await person(facts);
    const full = await person(facts);
    expectOk(
      await snapshot('social-insurance', [
        'idNumber,fromMonth,toMonth',
        `${short.idNumber},2026-01,2026-03`,
        `${full.idNumber},2026-01,2026-06`,
      ]),
      201,
    );
    const flagged = await submit({
      subsidy: 'social-insurance-flexible-hard-to-employ',
      personId: short.id,
      claim: { fromMonth: '2026-01', toMonth: '2026-06' },
    });
    expect(
      await submit({
        subsidy: 'social-insurance-flexible-hard-to-employ',
        personId: full.id,
        claim: { fromMonth: '2026-01', toMonth: '2026-06' },
      }).then(flags),
    ).toEqual([]);
    const [flag] = await flags(flagged);
    expect(flag).toMatchObject({ code: 'INSURANCE_SHORT', severity: 'review' });
    expectOk(await act(counter, flagged, 'accept'));
    expect((await act(reviewer, flagged, 'review')).json()).toMatchObject({ code: 'RISK_REVIEW_REQUIRED' });
    expectOk(
      await reviewer.request('POST', `/api/v1/applications/${flagged}/risk-flags/${flag!.id}/clearance`, {
        reason: '已核对社保局纸质缴费凭证，4—6月为补缴',
      }),
    );
    expectOk(await act(reviewer, flagged, 'review'));
  });

  it('one person listed by two units for the same subsidy and period is blocked the second time', async () => {
    const shared = await person([
      { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } },
      { kind: 'employment', data: { kind: 'labour-contract', from: '2026-07-01', contractMonths: 12 } },
    ]);
    expectOk(
      await snapshot(
        'social-insurance',
        ['idNumber,fromMonth,toMonth', `${shared.idNumber},2026-07,2026-10`],
        '2026-11-21',
      ),
      201,
    );
    const claimBy = async () => {
      const unit = await clerk.request('POST', '/api/v1/organisations', {
        creditCode: creditCode('510104'),
        name: '单位',
        category: 'enterprise',
        sizeClass: 'small',
        regionCode: '510104',
      });
      return submit({
        subsidy: 'social-insurance-employer-graduate',
        organisationId: unit.json<{ id: string }>().id,
        claim: {
          hires: [{ idNumber: shared.idNumber, contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 }],
          fromMonth: '2026-07',
          toMonth: '2026-10',
        },
      });
    };
    expect(await claimBy().then(flags)).toEqual([]);
    expect((await claimBy().then(flags)).map((f) => f.code)).toEqual(['CLAIMED_TWICE']);
  });

  it('a payee account shared by more people than the limit goes to manual review', async () => {
    for (let i = 0; i < 3; i++) await person(evaluation(), '6217000099990000001');
    const fourth = await person(evaluation(), '6217000099990000001');
    const own = await person(evaluation(), '6217000099990000002');
    expect((await flags(await submit(evaluationClaim(fourth)))).map((f) => f.code)).toEqual(['SHARED_ACCOUNT']);
    expect(await flags(await submit(evaluationClaim(own)))).toEqual([]);
  });

  it('a phone number shared by more people than the limit goes to manual review; the limit is the region’s parameter', async () => {
    for (let i = 0; i < 2; i++) await person(evaluation(), undefined, '13800001111');
    const third = await person(evaluation(), undefined, '13800001111');
    expect(await flags(await submit(evaluationClaim(third)))).toEqual([]);
    const fourth = await person(evaluation(), undefined, '13800001111');
    expect((await flags(await submit(evaluationClaim(fourth)))).map((f) => f.code)).toEqual(['SHARED_PHONE']);
    // The region lowers the limit to 2: now a third holder is one too many.
    const officer = await staff(app, `parameter-officer-${next()}`, ['parameter-officer'], '510104');
    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter: 'risk.shared-phone-max',
        regionCode: '510104',
        from: '2026-11-01',
        value: 2,
        note: '区局风控口径（测试）',
      }),
      201,
    );
    await person(evaluation(), undefined, '13800002222');
    expect(await flags(await submit(evaluationClaim(await person(evaluation(), undefined, '13800002222'))))).toEqual(
      [],
    );
    expect(
      (await flags(await submit(evaluationClaim(await person(evaluation(), undefined, '13800002222'))))).map(
        (f) => f.code,
      ),
    ).toEqual(['SHARED_PHONE']);
  });
});

describe('a warning a reviewer cleared', () => {
  it('is not raised again on the same facts at release, so the claim can be paid; facts that changed after filing raise it at release', async () => {
    for (let i = 0; i < 3; i++) await person(evaluation(), undefined, '13800003333');
    const id = await submit(evaluationClaim(await person(evaluation(), undefined, '13800003333')));
    const [flag] = await flags(id);
    expect(flag?.code).toBe('SHARED_PHONE');
    expectOk(await act(counter, id, 'accept'));
    expect((await act(reviewer, id, 'review')).json()).toMatchObject({ code: 'RISK_REVIEW_REQUIRED' });
    expectOk(
      await reviewer.request('POST', `/api/v1/applications/${id}/risk-flags/${flag!.id}/clearance`, {
        reason: '已电话核实：四人为同一家庭，共用家长手机号',
      }),
    );
    expectOk(await act(reviewer, id, 'review'));
    expectOk(await act(approver, id, 'approve'));
    expectOk(await act(approver, id, 'release'));
    expect(await flags(id)).toEqual([]);

    const again = await submit(evaluationClaim(await person(evaluation(), undefined, '13800004444')));
    for (let i = 0; i < 3; i++) await person(evaluation(), undefined, '13800004444');
    const [second] = await flags(again);
    expect(second).toBeUndefined();
    expectOk(await act(counter, again, 'accept'));
    expectOk(await act(reviewer, again, 'review'));
    expectOk(await act(approver, again, 'approve'));
    // Four holders by the time of release: raised at the payment stage, and it stops the release.
    expect((await act(approver, again, 'release')).json()).toMatchObject({ code: 'RISK_REVIEW_REQUIRED' });
    const [late] = await flags(again);
    expectOk(
      await reviewer.request('POST', `/api/v1/applications/${again}/risk-flags/${late!.id}/clearance`, {
        reason: '已核实',
      }),
    );
    expectOk(await act(approver, again, 'release'));
  });
});

describe('risk checks again before payment', () => {
  it('a death recorded after approval stops the release, and the flag stays', async () => {
    const p = await person();
    const id = await submit(evaluationClaim(p));
    for (const [c, a] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
    ] as const)
      expectOk(await act(c, id, a));
    expectOk(await snapshot('deaths', ['idNumber,date', `${p.idNumber},2026-11-22`], '2026-11-23'), 201);
    expect((await act(approver, id, 'release')).json()).toMatchObject({ code: 'RISK_BLOCKED' });
    expect((await flags(id)).map((f) => [f.code, f.stage])).toEqual([['PERSON_DECEASED', 'payment']]);
  });

  it('a bad snapshot file imports nothing and says where', async () => {
    const res = await snapshot('deaths', ['idNumber,date', '110105194912310021,2026-01-01']);
    expect(res.json()).toMatchObject({ code: 'IMPORT_REJECTED', errors: [{ row: 2, column: 'idNumber' }] });
  });
});
