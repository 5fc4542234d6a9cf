import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 单位缴费明细（社保系统可查的免交）: a unit claiming the social-insurance subsidy for its hires is
 * not asked for its contribution records on paper when the insurance records show it paying for
 * every hire (181号 第二十三条), and is asked for them when one hire has none from it.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
let unitId: string;
const unitCode = creditCode('510104');
const otherUnit = creditCode('510105');

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'registry-clerk', ['clerk'], '510104');
  const unit = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: unitCode,
    name: '成都锦江缴费示例有限公司',
    category: 'enterprise',
    sizeClass: 'small',
    regionCode: '510104',
  });
  expectOk(unit, 201);
  unitId = unit.json<{ id: string }>().id;
});
afterAll(() => app.close());

/** A graduate of 2026 whose contributions for July to October were paid by `payer`. */
async function graduatePaidFor(birth: string, payer: string): Promise<string> {
  const id = idNumber(birth, 'female', '510104');
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: id,
    name: '缴费',
    regionCode: '510104',
    facts: [
      { kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } },
      {
        kind: 'insurance',
        data: {
          fromMonth: '2026-07',
          toMonth: '2026-10',
          payer: 'employer',
          employer: payer,
          pensionFen: 50_000,
          medicalFen: 20_000,
          unemploymentFen: 2_000,
        },
      },
    ],
  });
  expectOk(res, 201);
  return id;
}

let drafts = 0;
/** A draft claim for `hireIds` over `months` (each test its own, as a second claim for a period is refused). */
async function materialsOf(
  hireIds: string[],
  months: [string, string],
): Promise<{ waived: string[]; missing: string[] }> {
  const filed = await clerk.request('POST', '/api/v1/applications', {
    subsidy: 'social-insurance-employer-graduate',
    organisationId: unitId,
    claim: {
      hires: hireIds.map((idNumber) => ({
        idNumber,
        contractStart: '2026-07-01',
        contractMonths: 12,
        insuredMonths: 4,
      })),
      fromMonth: months[0],
      toMonth: months[1],
    },
    idempotencyKey: `hire-contributions-${++drafts}`,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  const check = await clerk.request('GET', `/api/v1/applications/${id}/submission-check`);
  expectOk(check);
  const body = check.json<{ waivedMaterials: { zh: string }[]; missingMaterials: { zh: string }[] }>();
  // The materials' list reads the hires itself (the check reuses the engine's facts): both waive
  // the same materials, by name.
  const evidence = await clerk.request('GET', `/api/v1/applications/${id}/evidence`);
  expectOk(evidence);
  const listed = evidence.json<{ materials: { zh: string }[]; waived: number[] }>();
  expect(listed.waived.map((i) => listed.materials[i]?.zh)).toEqual(body.waivedMaterials.map((m) => m.zh));
  return { waived: body.waivedMaterials.map((m) => m.zh), missing: body.missingMaterials.map((m) => m.zh) };
}

describe('a unit’s contribution records', () => {
  it('are not asked for when the insurance records show the unit paying for every hire', async () => {
    const both = [await graduatePaidFor('2003-01-11', unitCode), await graduatePaidFor('2003-02-12', unitCode)];
    const m = await materialsOf(both, ['2026-07', '2026-08']);
    expect(m.waived).toEqual([expect.stringContaining('单位缴费明细')]);
    expect(m.missing).toEqual(['劳动合同']);
  });

  it('are asked for when the unit’s contributions fall outside the months claimed', async () => {
    const m = await materialsOf([await graduatePaidFor('2003-05-15', unitCode)], ['2026-11', '2026-11']);
    expect(m.waived).toEqual([]);
  });

  it('are asked for when one hire’s contributions were paid by another unit', async () => {
    const hires = [await graduatePaidFor('2003-03-13', unitCode), await graduatePaidFor('2003-04-14', otherUnit)];
    const m = await materialsOf(hires, ['2026-09', '2026-10']);
    expect(m.waived).toEqual([]);
    expect(m.missing).toEqual(['劳动合同', expect.stringContaining('单位缴费明细')]);
  });
});
