import { describe, expect, it } from 'vitest';
import { creditCode } from '../../../policy/src/testing/builders.js';
import { expectOk, type Client } from '../testing/fixtures.js';
import { app, clerk, file, founder, GRADUATED, loadRegistry, reviewer } from './applicant-facts.test-kit.js';

/**
 * 一网通办、免证办 (issue 17): the business a graduate founded is verified against the business
 * registry the bureau loaded; the graduation no dataset holds is declared, and counts only once the
 * clerk confirms it at acceptance from the diploma.
 */
type Provenance = { field: string; entries: { provenance: string }[] };
type Preview = {
  eligible: boolean;
  needs: { condition: string; facts: { field: string; source: string; declare?: string }[] }[];
  facts: Provenance[];
};
const preview = (c: Client, body: object) => c.request('POST', '/api/v1/applications/decision-preview', body);
const stand = (facts: Provenance[], field: string) =>
  facts.find((f) => f.field === field)?.entries.map((e) => e.provenance);
const act = (c: Client, id: string, action: string, extra: object = {}) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });
const decide = (c: Client, id: string, declarationId: string, body: object) =>
  c.request('POST', `/api/v1/applications/${id}/declarations/${declarationId}`, body);

describe('the business a graduate founded, from the business registry', () => {
  it('is verified from the snapshot, and the graduation the engine still needs is named as declarable', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const res = await preview(f.client, { subsidy: 'one-time-startup', claim: { businessCreditCode: f.code } });
    expectOk(res);
    const p = res.json<Preview>();
    expect(p.eligible).toBe(false);
    expect(stand(p.facts, 'businesses')).toEqual(['verified']);
    const group = p.needs.find((x) => x.condition === 'FOUNDER_GROUP');
    expect(group?.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'graduation', source: 'declaration', declare: 'graduation' }),
      ]),
    );
    expect(p.needs.map((x) => x.condition)).not.toContain('FIRST_BUSINESS');
  });

  it('a credit code the registry lacks is refused naming the field', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const res = await preview(f.client, { subsidy: 'one-time-startup', claim: { businessCreditCode: creditCode() } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'BUSINESS_NOT_REGISTERED', field: 'claim.businessCreditCode' });
  });

  it('a business someone else founded is refused, and nothing is filed', async () => {
    const f = await founder();
    const other = await founder();
    await loadRegistry([{ code: other.code, founder: other.idNumber }]);
    const res = await f.client.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      claim: { businessCreditCode: other.code },
      idempotencyKey: 'not-mine-123',
    });
    expect(res.json()).toMatchObject({ code: 'NOT_BUSINESS_FOUNDER', field: 'claim.businessCreditCode' });
    const mine = await f.client.request('GET', '/api/v1/applications');
    expect(mine.json<{ total: number }>().total).toBe(0);
  });
});

describe('a declared graduation, confirmed at acceptance', () => {
  it('counts in the preview as declared, so the applicant sees they would qualify', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const res = await preview(f.client, {
      subsidy: 'one-time-startup',
      claim: { businessCreditCode: f.code },
      declarations: [GRADUATED],
    });
    const p = res.json<Preview>();
    expect(p.eligible).toBe(true);
    expect(stand(p.facts, 'graduation')).toEqual(['declared']);
  });

  it('a graduation in the future cannot be declared: no diploma evidences it yet', async () => {
    const f = await founder();
    const res = await preview(f.client, {
      subsidy: 'one-time-startup',
      declarations: [{ kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_FACT', field: 'declarations[0].data.date' });
    // Told in the caller's language alone, like every other refusal.
    expect(res.json<{ message: string }>().message).toContain('不能晚于今天');
    expect(res.json<{ message: string }>().message).not.toMatch(/future/);
  });

  it('a status an office certifies cannot be declared', async () => {
    const f = await founder();
    const res = await preview(f.client, {
      subsidy: 'one-time-startup',
      declarations: [{ kind: 'status', data: { kind: 'registered-unemployed', from: '2026-01-01' } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'NOT_DECLARABLE', field: 'declarations[0].data.kind' });
  });

  it('a status named like a built-in of every object (constructor, __proto__) is no status, and nothing is filed', async () => {
    const f = await founder();
    for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const res = await f.client.request('POST', '/api/v1/applications', {
        subsidy: 'one-time-startup',
        declarations: [{ kind: 'status', data: { kind, from: '2024-01-01' } }],
        idempotencyKey: `proto-${kind}-key`,
      });
      expect(res.statusCode, kind).toBe(400);
      expect(res.json(), kind).toMatchObject({ field: 'declarations[0].data.kind' });
    }
    expect((await f.client.request('GET', '/api/v1/applications')).json<{ total: number }>().total).toBe(0);
  });

  it('a clerk’s correction may not make what the applicant could not declare', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const filed = await file(f.client, f.code);
    const declaration = filed.declarations[0]?.id ?? '';
    const future = await decide(clerk, filed.id, declaration, {
      outcome: 'corrected',
      data: { date: '2030-06-30', institution: 'university' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'INVALID_FACT', field: 'data.date' });
    expectOk(
      await decide(clerk, filed.id, declaration, {
        outcome: 'corrected',
        data: { date: '2024-07-01', institution: 'university' },
      }),
    );
  });

  it('acceptance waits for the clerk’s word on each declaration; confirmed, it becomes a registry fact', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const filed = await file(f.client, f.code);
    expect(filed.state).toBe('submitted');
    // Not eligible on what is confirmed, but not refused either: the applicant reads that it waits.
    const standing = async (c: Client) => {
      const one = (await c.request('GET', `/api/v1/applications/${filed.id}`)).json<{ decidedStatus?: string }>();
      const listed = (await c.request('GET', '/api/v1/applications?limit=200'))
        .json<{ applications: { id: string; decidedStatus?: string; decidedFen?: number }[] }>()
        .applications.find((a) => a.id === filed.id);
      expect(listed?.decidedStatus).toBe(one.decidedStatus);
      return listed;
    };
    expect((await standing(f.client))?.decidedStatus).toBe('awaiting-confirmation');
    expect((await act(clerk, filed.id, 'accept')).json()).toMatchObject({ code: 'DECLARATIONS_PENDING' });
    const declaration = filed.declarations[0]?.id ?? '';
    expect((await decide(f.client, filed.id, declaration, { outcome: 'confirmed' })).statusCode).toBe(403);
    const confirmed = await decide(clerk, filed.id, declaration, { outcome: 'confirmed' });
    expectOk(confirmed);
    // Confirmed, but the engine counts it only at acceptance: still waiting.
    expect((await standing(f.client))?.decidedStatus).toBe('awaiting-confirmation');
    expect(stand(confirmed.json<{ facts: Provenance[] }>().facts, 'graduation')).toEqual(['confirmed']);
    expect(stand(confirmed.json<{ facts: Provenance[] }>().facts, 'businesses')).toEqual(['verified']);
    expectOk(await act(clerk, filed.id, 'accept'));
    // Accepted, the engine has counted the confirmed graduation: no longer said to be not eligible.
    expect((await standing(f.client))?.decidedStatus).toBeUndefined();
    expectOk(await act(reviewer, filed.id, 'review'));
  });

  it('a declaration never confirmed never reaches the engine: rejected, the review finds the claim ineligible', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const filed = await file(f.client, f.code);
    const declaration = filed.declarations[0]?.id ?? '';
    expect((await decide(clerk, filed.id, declaration, { outcome: 'rejected' })).json()).toMatchObject({
      code: 'REQUIRED_FIELD',
      field: 'note',
    });
    expectOk(await decide(clerk, filed.id, declaration, { outcome: 'rejected', note: '毕业证书显示2019年毕业' }));
    // Nothing waits any more: what the engine found is what it finds.
    const one = await f.client.request('GET', `/api/v1/applications/${filed.id}`);
    expect(one.json()).toMatchObject({ decidedStatus: 'ineligible' });
    // Accepting it anyway takes a reason that says something; spaces and a zero-width space do not.
    for (const reason of [undefined, '  ', '\u200b']) {
      const unexplained = await act(clerk, filed.id, 'accept', reason === undefined ? {} : { reason });
      expect(unexplained.statusCode).toBe(400);
      expect(unexplained.json()).toMatchObject({ code: 'INELIGIBLE_ACCEPT_REASON_REQUIRED', field: 'reason' });
    }
    expectOk(await act(clerk, filed.id, 'accept', { reason: '材料齐全，资格由审核环节核定' }));
    const review = await act(reviewer, filed.id, 'review');
    expect(review.statusCode).toBe(422);
    expect(review.json()).toMatchObject({ code: 'DECISION_NOT_ELIGIBLE' });
  });

  it('two clerks deciding the same declaration at once: one decides, the other is told it is done', async () => {
    const f = await founder();
    await loadRegistry([{ code: f.code, founder: f.idNumber }]);
    const filed = await file(f.client, f.code);
    const declaration = filed.declarations[0]?.id ?? '';
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => decide(clerk, filed.id, declaration, { outcome: 'confirmed' })),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 200)) expect(a.statusCode).toBe(409);
    const facts = await app.database.db
      .selectFrom('registry_fact')
      .select('source')
      .where('kind', '=', 'graduation')
      .where('source', '=', 'declaration')
      .where('provenance', 'is not', null)
      .execute();
    expect(facts.length).toBeGreaterThan(0);
  });
});
