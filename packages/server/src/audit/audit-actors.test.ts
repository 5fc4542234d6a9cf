import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, type Client } from '../testing/fixtures.js';
import { auditorOf, pageThrough } from '../testing/auditor.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { ACTOR_NAMES_MAX, AuditService } from './audit-service.js';

/**
 * An auditor finds what someone did by part of their name: "王芳" finds "锦江区受理员 王芳", as the
 * trail records her. Only the names of the auditor's regions count, and a text more than a handful
 * of them contain is sent back for more of the name.
 */
let app: TestApp;
let cityAuditor: Client;
beforeAll(async () => {
  app = await startTestApp();
  cityAuditor = await staff(app, 'actors-auditor', ['auditor'], '510100');
});
afterAll(() => app.close());

const ACTORS: readonly (readonly [string, string])[] = [
  ['锦江区受理员 王芳', '510104'],
  ['王芳', '510105'],
  ['青羊区审核员 王芳芳', '510105'],
  ['Wang Fang', '510104'],
  ['李雷', '510104'],
  // Recorded with its accents as separate marks (NFD), found however they are typed.
  ['Jose\u0301 Garci\u0301a', '510104'],
  ['自贡市经办 王芳', '510300'],
  // Ten names in 锦江区 and an eleventh in 青羊区: the district's auditor may search them all, the city's not.
  ...Array.from({ length: ACTOR_NAMES_MAX }, (_, i) => [`甲员${String(i + 1).padStart(2, '0')}`, '510104'] as const),
  [`甲员${ACTOR_NAMES_MAX + 1}`, '510105'],
  // And someone named just that: more names contain it than a search takes, but it is all of hers.
  ['甲员', '510105'],
];
const START = Date.parse('2026-05-01T09:00:00+08:00');
const HOUR_MS = 3_600_000;

/** Ninety entries an hour apart over four days, the actors taking turns. */
async function writeTrail(): Promise<void> {
  const db = app.database.db;
  const { rows } = await sql<{ seq: string | null }>`select max(seq)::text as seq from audit_entry`.execute(db);
  let seq = Number(rows[0]?.seq ?? 0);
  for (let i = 0; i < 90; i++) {
    const [name, region] = ACTORS[(i * 7) % ACTORS.length]!;
    seq++;
    await sql`insert into audit_entry (seq, at, actor_name, region_code, action, outcome, prev_hash, hash)
      values (${seq}, ${new Date(START + i * HOUR_MS)}, ${name}, ${region}, 'test.entry', 'success', 'p', ${`h${seq}`})`.execute(
      db,
    );
  }
}

describe('searching the audit trail by part of an actor’s name', () => {
  it('finds, page by page, every entry of the actors whose name contains the text, in the auditor’s regions only', async () => {
    await writeTrail();
    const db = app.database.db;
    const everything = await db.selectFrom('audit_entry').selectAll().orderBy('seq', 'desc').execute();
    const service = new AuditService(db, app.vault);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('王芳', '芳', 'wang', 'FANG', ' 李雷 ', '甲员0', '无此人', 'José', 'garci\u0301a'),
        fc.constantFrom('510104', '510105', '510100', '510000'),
        fc.integer({ min: 1, max: 15 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        async (text, region, limit, onDay) => {
          const day = onDay === undefined ? undefined : `2026-05-0${onDay + 1}`;
          const low = day ? Date.parse(`${day}T00:00:00+08:00`) : -Infinity;
          const high = day ? low + 24 * HOUR_MS : Infinity;
          const prefix = region.replace(/0+$/, '');
          const expected = everything
            .filter(
              (e) =>
                (e.region_code ?? '').startsWith(prefix) &&
                (e.actor_name ?? '')
                  .normalize('NFC')
                  .toLowerCase()
                  .includes(text.trim().normalize('NFC').toLowerCase()) &&
                e.at.getTime() >= low &&
                e.at.getTime() < high,
            )
            .map((e) => e.seq);
          const query = { actor: text, ...(day ? { from: day, to: day } : {}) };
          expect(await pageThrough(service, auditorOf(region), query, limit)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    // Not a search that happened to find nothing: "王芳" reaches her under her title.
    const district = await service.list(auditorOf('510104'), { actor: '王芳' });
    expect(new Set(district.map((e) => e.actor_name))).toEqual(new Set(['锦江区受理员 王芳']));
    // Nor one that missed a name for the way its accent was typed.
    const accented = await service.list(auditorOf('510104'), { actor: 'josé' });
    expect(new Set(accented.map((e) => e.actor_name))).toEqual(new Set(['Jose\u0301 Garci\u0301a']));
  });

  it('takes ten names a text is part of; past ten, the name that is the text whole, or asks for more of it', async () => {
    const service = new AuditService(app.database.db, app.vault);
    const actorsFound = async (region: string, text: string) =>
      new Set((await service.list(auditorOf(region), { actor: text })).map((e) => e.actor_name));
    expect((await actorsFound('510104', '甲员')).size).toBe(ACTOR_NAMES_MAX);
    // The city has twelve names with 甲员 in them; one of them is 甲员, whole.
    expect(await actorsFound('510100', '甲员')).toEqual(new Set(['甲员']));
    await expect(service.list(auditorOf('510100'), { actor: '甲' })).rejects.toMatchObject({
      code: 'ACTOR_TOO_VAGUE',
      statusCode: 400,
      field: 'actor',
    });

    const refused = await cityAuditor.request('GET', `/api/v1/audit?actor=${encodeURIComponent('甲')}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toMatch(/操作人.*超过 10 个.*更完整/);
    const english = await cityAuditor.request('GET', `/api/v1/audit?actor=${encodeURIComponent('甲')}`, undefined, {
      'accept-language': 'en-US',
    });
    expect(english.json<{ message: string }>().message).toMatch(/actor.*more than 10 names/);
    // The page is told that only the whole name was searched: the others' entries are not in it.
    const whole = await cityAuditor.request('GET', `/api/v1/audit?actor=${encodeURIComponent('甲员')}`);
    expect(whole.json<{ wholeNameOnly?: boolean }>().wholeNameOnly).toBe(true);
    const narrower = await cityAuditor.request('GET', `/api/v1/audit?actor=${encodeURIComponent('甲员1')}`);
    expect(narrower.statusCode).toBe(200);
    expect(narrower.json<{ wholeNameOnly?: boolean }>().wholeNameOnly).toBeUndefined();
    expect(new Set(narrower.json<{ entries: { actorName: string }[] }>().entries.map((e) => e.actorName))).toEqual(
      new Set(['甲员10', '甲员11']),
    );
  });
});
