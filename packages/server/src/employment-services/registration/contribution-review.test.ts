import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
const EMPLOYER = '91510104MA0000002H';
const contributions = (payer: 'employer' | 'self', fromMonth: string, toMonth: string) => ({
  kind: 'insurance',
  data: {
    fromMonth,
    toMonth,
    payer,
    ...(payer === 'employer' ? { employer: EMPLOYER } : {}),
    pensionFen: 64_000,
    medicalFen: 32_000,
    unemploymentFen: 2_000,
  },
});

async function unemployed(facts: unknown[]): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1991-01-01'),
    name: '参保人',
    regionCode: '510104',
    facts,
  });
  expectOk(res, 201);
  const id = res.json<{ id: string }>().id;
  expectOk(
    await clerk.request('POST', '/api/v1/employment-services/registrations', {
      personId: id,
      kind: 'unemployment',
      regionCode: '510104',
      basis: 'residence',
      startsOn: '2026-06-10',
    }),
    201,
  );
  return id;
}
const registrations = async (id: string) =>
  (await clerk.request('GET', `/api/v1/employment-services/people/${id}/registrations`)).json<{
    registrations: Record<string, unknown>[];
  }>().registrations;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'ci-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

describe('contributions paid by a unit end an unemployment registration (即时对接, 庆政办发〔2023〕102号 第25条)', () => {
  it('the first month a unit paid after registration starts employment with it; self-paid contributions do not', async () => {
    // The unit paid June too (the month the registration began) and from September on.
    const hired = await unemployed([
      contributions('employer', '2026-03', '2026-06'),
      contributions('employer', '2026-09', '2026-10'),
    ]);
    const flexible = await unemployed([contributions('self', '2026-07', '2026-10')]);
    const res = await clerk.request('POST', '/api/v1/employment-services/registrations/contribution-review');
    expectOk(res);
    // Said by whom, not only how many: the clerk sees whose registration changed.
    expect(res.json()).toEqual({
      ended: 1,
      people: [{ name: expect.any(String), idNumberMasked: expect.stringContaining('*') }],
    });
    expect(await registrations(hired)).toMatchObject([
      { kind: 'employment', startsOn: '2026-09-01', employmentKind: 'labour-contract', employerCreditCode: EMPLOYER },
      { kind: 'unemployment', endsOn: '2026-08-31', endReason: 'employed' },
    ]);
    expect((await registrations(flexible))[0]).toMatchObject({ kind: 'unemployment' });
    expect((await registrations(flexible))[0]?.endsOn).toBeUndefined();
    // Run again: nothing left to do.
    expect(
      (await clerk.request('POST', '/api/v1/employment-services/registrations/contribution-review')).json(),
    ).toEqual({ ended: 0, people: [] });
  });
});
