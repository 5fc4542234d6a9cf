import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const graduate = {
  kind: 'person',
  idNumber: '11010519491231002X',
  graduation: { date: '2025-06-30', institution: 'university' },
  statuses: [{ kind: 'dibao-household', from: '2019-01-01' }],
};

describe('GET /api/v1/policies', () => {
  it('lists the subsidies for 四川 on a date, with the values in force and their citations', async () => {
    const res = await app.http.inject({ url: '/api/v1/policies?region=510000&date=2024-09-01' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      policies: {
        id: string;
        inForce: boolean;
        scheme?: { basis: string; parameters: { value: number }[] };
        timeLimitWorkingDays?: number;
      }[];
    }>();
    const hiring = body.policies.find((p) => p.id === 'one-time-hiring');
    expect(hiring).toMatchObject({
      inForce: true,
      scheme: { basis: '川办发〔2024〕34号 （四）', parameters: [{ value: 200_000 }] },
    });
    expect(hiring?.timeLimitWorkingDays).toBe(20);
  });

  it('refuses a malformed region code, naming the field, in the caller’s language', async () => {
    const zh = await app.http.inject({ url: '/api/v1/policies?region=51' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'region' });
    expect(zh.json<{ message: string }>().message).toContain('字段 地区');
    const en = await app.http.inject({
      url: '/api/v1/policies?region=51',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json<{ message: string }>().message).toContain('Field region is invalid');
  });

  it('refuses a day that does not exist, for the list and the self-check alike', async () => {
    for (const url of ['/api/v1/policies', '/api/v1/self-check/questions']) {
      const res = await app.http.inject({ url: `${url}?region=510104&date=2026-02-30` });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'VALIDATION_FAILED', field: 'date' });
    }
  });

  it('requires the region', async () => {
    const res = await app.http.inject({ url: '/api/v1/policies' });
    expect(res.json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'region' });
  });
});

describe('POST /api/v1/policies/evaluate', () => {
  it('decides one subsidy with reasons, citations and the parameters used', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: { subsidy: 'one-time-job-seeking', region: '510104', date: '2025-03-01', applicant: graduate },
    });
    expect(res.statusCode).toBe(200);
    const [d] = res.json<{
      decisions: { eligible: boolean; amountFen: number; reasons: { cites: string }[]; parameters: unknown[] }[];
    }>().decisions;
    expect(d).toMatchObject({ eligible: true, amountFen: 150_000 });
    expect(d?.reasons.every((r) => r.cites.length > 0)).toBe(true);
    expect(d?.parameters).toHaveLength(1);
  });

  it('decides every subsidy open to a person when none is named', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: { region: '510104', date: '2025-03-01', applicant: graduate },
    });
    const decisions = res.json<{ decisions: { subsidy: string; eligible: boolean }[] }>().decisions;
    expect(decisions.length).toBeGreaterThan(10);
    expect(decisions.filter((d) => d.eligible).map((d) => d.subsidy)).toContain('one-time-job-seeking');
  });

  it('uses the region’s local settings from the database (the demo minimum wage for 甘肃)', async () => {
    const placed = {
      kind: 'person',
      idNumber: '34052419800101001X',
      statuses: [{ kind: 'hard-to-employ', from: '2023-01-01' }],
      employments: [{ kind: 'public-welfare-post', from: '2024-01-01', placement: 1 }],
    };
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: {
        subsidy: 'public-welfare-post',
        region: '620102',
        date: '2024-07-10',
        applicant: placed,
        claim: { fromMonth: '2024-01', toMonth: '2024-06' },
      },
    });
    const [d] = res.json<{ decisions: { amountFen: number; parameters: { parameter: string; source: string }[] }[] }>()
      .decisions;
    expect(d?.amountFen).toBe(6 * 198_000);
    expect(d?.parameters).toEqual([expect.objectContaining({ parameter: 'minimum-wage.monthly', source: 'example' })]);
  });

  it('refuses an ID number with a wrong check digit, naming the field, and changes nothing', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: { region: '510104', applicant: { ...graduate, idNumber: '110105194912310021' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'INVALID_FACTS',
      field: 'applicant.idNumber',
      errors: [{ code: 'INVALID_ID_NUMBER' }],
    });
    // The message names the field as a person does, not by its path.
    expect(res.json<{ message: string }>().message).toMatch(/^申请材料有误：身份证号码：/);
    const en = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      headers: { 'accept-language': 'en-US' },
      payload: { region: '510104', applicant: { ...graduate, idNumber: '110105194912310021' } },
    });
    expect(en.json<{ message: string }>().message).toMatch(/^The facts are invalid: ID number: /);
  });

  it('refuses a date that does not exist', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: {
        region: '510104',
        applicant: { ...graduate, graduation: { date: '2025-02-30', institution: 'university' } },
      },
    });
    expect(res.json()).toMatchObject({ code: 'INVALID_FACTS', field: 'applicant.graduation.date' });
  });

  it('refuses a negative amount and an unknown field', async () => {
    const negative = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: { region: '510104', applicant: graduate, claim: { feeFen: -5 } },
    });
    expect(negative.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'claim.feeFen' });
    const unknown = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: { region: '510104', applicant: graduate, claim: { fee: 5 } },
    });
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'claim.fee' });
  });

  it('refuses an unknown subsidy', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: { subsidy: 'free-money', region: '510104', applicant: graduate },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'UNKNOWN_SUBSIDY', field: 'subsidy' });
  });

  it('answers malformed JSON with a readable error', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/policies/evaluate',
      payload: '{"region":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });
});
