import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 就业创业服务补助 is paid per 零工驿站 / 家门口就业服务站, per 创业孵化基地 and per 招聘活动 (财社〔2023〕181号
 * 第十二条): a unit running several claims each once a year, naming it in `claim.service.site`. The
 * guard against paying one station twice stays: the same station for the same year is refused naming
 * the field, however many filings race; and a year is claimed either at once or station by station.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
let units = 0;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'service-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

/** A 基层公共就业服务机构 that also runs the district's stations and events. */
async function serviceUnit(): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/organisations', {
    creditCode: creditCode('510104'),
    name: `锦江区就业服务中心${++units}`,
    category: 'public-institution',
    regionCode: '510104',
    facts: [
      { kind: 'designation', data: { kind: 'public-employment-service', from: '2024-01-01' } },
      { kind: 'designation', data: { kind: 'gig-worker-station', from: '2024-01-01' } },
    ],
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

let keys = 0;
const file = (organisationId: string, year: number, service: Record<string, unknown>, key = `site-claim-${++keys}`) =>
  clerk.request('POST', '/api/v1/applications', {
    subsidy: 'employment-service',
    organisationId,
    claim: { year, service: { kind: 'public-service', served: 120, outcomes: 30, ...service } },
    idempotencyKey: key,
  });

describe('就业创业服务补助: one claim per station, base or event and year', () => {
  it('a unit running two 零工驿站 claims for each of them', async () => {
    const unit = await serviceUnit();
    expect((await file(unit, 2026, { site: '春熙路零工驿站' })).statusCode).toBe(201);
    expect((await file(unit, 2026, { site: '盐市口零工驿站' })).statusCode).toBe(201);
    // A recruitment event the same unit held is a service of its own.
    expect((await file(unit, 2026, { kind: 'recruitment', site: '2026春风行动招聘会' })).statusCode).toBe(201);
  });

  it('the same station for the same year again is refused, naming the field, in Chinese', async () => {
    const unit = await serviceUnit();
    const first = await file(unit, 2026, { site: '春熙路零工驿站' });
    expect(first.statusCode).toBe(201);
    const number = first.json<{ number: string }>().number;
    const again = await file(unit, 2026, { site: '春熙路零工驿站', served: 130 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'DUPLICATE_SERVICE_CLAIM',
      field: 'claim.service.site',
      message: `字段 申请内容·服务·服务站点：「春熙路零工驿站」2026年度已有申请（编号 ${number}），同一服务站点（基地、活动）同一期间只申请一次，请在原申请上继续`,
      reason: `「春熙路零工驿站」2026年度已有申请（编号 ${number}），同一服务站点（基地、活动）同一期间只申请一次，请在原申请上继续`,
    });
    // Spaces and full-width letters do not make another station.
    const spaced = await file(unit, 2026, { site: ' 春熙路 零工驿站' });
    expect(spaced.json()).toMatchObject({ code: 'DUPLICATE_SERVICE_CLAIM', field: 'claim.service.site' });
    // Nor do invisible characters: a zero-width space, a soft hyphen, a word joiner.
    for (const hidden of ['春熙路\u200b零工驿站', '春熙路\u00ad零工驿站', '春\u2060熙\u2060路零工驿站']) {
      const sneaked = await file(unit, 2026, { site: hidden });
      expect(sneaked.json()).toMatchObject({ code: 'DUPLICATE_SERVICE_CLAIM', field: 'claim.service.site' });
    }
    // The next year is another claim.
    expect((await file(unit, 2027, { site: '春熙路零工驿站' })).statusCode).toBe(201);
  });

  it('in English too', async () => {
    const unit = await serviceUnit();
    expect((await file(unit, 2026, { site: 'Station A' })).statusCode).toBe(201);
    const res = await clerk.request(
      'POST',
      '/api/v1/applications',
      {
        subsidy: 'employment-service',
        organisationId: unit,
        claim: { year: 2026, service: { kind: 'public-service', site: 'station a', served: 1, outcomes: 0 } },
        idempotencyKey: 'site-claim-english',
      },
      { 'accept-language': 'en-US' },
    );
    expect(res.json<{ message: string }>().message).toMatch(
      /^Field claim › service › service site: “station a” already has/,
    );
  });

  it('50 concurrent identical filings give exactly one; 50 with different keys for one station give one too', async () => {
    const unit = await serviceUnit();
    const same = await Promise.all(
      Array.from({ length: 50 }, () => file(unit, 2026, { site: '春熙路零工驿站' }, 'double-click-site')),
    );
    expect(same.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([...Array<number>(49).fill(200), 201]);
    expect(new Set(same.map((r) => r.json<{ id: string }>().id)).size).toBe(1);

    const racing = await Promise.all(Array.from({ length: 50 }, () => file(unit, 2027, { site: '春熙路零工驿站' })));
    const codes = racing.map((r) => r.statusCode).sort((a, b) => a - b);
    expect(codes).toEqual([201, ...Array<number>(49).fill(409)]);
    for (const r of racing.filter((x) => x.statusCode === 409))
      expect(r.json()).toMatchObject({ code: 'DUPLICATE_SERVICE_CLAIM', field: 'claim.service.site' });
    const live = await app.database.db
      .selectFrom('application')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', unit)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(2);
  });

  it('a year claimed at once (no station named) cannot also be claimed station by station, nor the reverse', async () => {
    const whole = await serviceUnit();
    const first = await file(whole, 2026, {});
    expect(first.statusCode).toBe(201);
    const named = await file(whole, 2026, { site: '春熙路零工驿站' });
    expect(named.statusCode).toBe(409);
    expect(named.json<{ code: string; field: string; message: string }>()).toMatchObject({
      code: 'SERVICE_SITE_CONFLICT',
      field: 'claim.service.site',
      message: expect.stringContaining(
        `2026年度已有未注明服务站点（基地、活动）的申请（编号 ${first.json<{ number: string }>().number}）`,
      ),
    });

    const split = await serviceUnit();
    const station = await file(split, 2026, { site: '春熙路零工驿站' });
    expect(station.statusCode).toBe(201);
    const unnamed = await file(split, 2026, {});
    expect(unnamed.json()).toMatchObject({ code: 'SERVICE_SITE_CONFLICT', field: 'claim.service.site' });
    expect(unnamed.json<{ message: string }>().message).toContain('按服务站点（基地、活动）分别的申请');
  });

  it('racing, a whole-year claim and station claims never both stand', async () => {
    const unit = await serviceUnit();
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => file(unit, 2026, {})),
      ...Array.from({ length: 10 }, (_, i) => file(unit, 2026, { site: `第${i}号零工驿站` })),
    ]);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    const live = await app.database.db
      .selectFrom('application')
      .select('service_site')
      .where('organisation_id', '=', unit)
      .execute();
    const whole = live.filter((a) => a.service_site === '');
    // Either the one whole-year claim alone, or station claims (each once) and no whole-year one.
    if (whole.length > 0) expect(live).toHaveLength(1);
    else expect(new Set(live.map((a) => a.service_site)).size).toBe(live.length);
    expect(live.length).toBeGreaterThan(0);
  });

  it('a withdrawn claim frees its station for a new one', async () => {
    const unit = await serviceUnit();
    const first = await file(unit, 2026, { site: '春熙路零工驿站' });
    expectOk(
      await clerk.request('POST', `/api/v1/applications/${first.json<{ id: string }>().id}/transitions`, {
        action: 'withdraw',
        reason: '站点填错了',
      }),
    );
    expect((await file(unit, 2026, { site: '春熙路零工驿站' })).statusCode).toBe(201);
  });
});
