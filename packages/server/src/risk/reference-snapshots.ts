import { createHash } from 'node:crypto';
import { isIsoDate, parseResidentId, regionChain } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database, ReferenceKind } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { regionRange } from '../regions/region-scope.js';
import { readTable } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';
import { badValue, REFERENCE_KINDS, type ListedStatusRecord } from './reference-kinds.js';

/** What one import did: the snapshot (the earlier one, when the same rows were loaded before) and its rows. */
export interface SnapshotReport {
  snapshotId: string;
  rows: number;
  /** False when the same dataset, region, day and rows were already loaded: nothing new was stored. */
  created: boolean;
}

type Problem = { row: number; column: string; code: string; message: { zh: string; en: string } };

/**
 * Imports one snapshot of a reference dataset for the importing clerk's region: every row checked
 * first, every problem reported at once, and nothing stored unless all rows are good. The snapshot
 * serves that region and the regions below it only, so a clerk elsewhere can neither load nor
 * shadow the dataset a region relies on. Loading the same rows for the same day again (a retried
 * upload, the file sent twice) stores nothing and answers with the first load.
 */
export async function importReferenceSnapshot(
  db: Kysely<Database>,
  vault: Vault,
  actor: Actor,
  kind: string,
  file: Buffer,
  meta: { takenOn: string; source: string },
  today: string,
): Promise<SnapshotReport> {
  const spec = Object.hasOwn(REFERENCE_KINDS, kind) ? REFERENCE_KINDS[kind as ReferenceKind] : undefined;
  if (!spec) throw new AppError('UNKNOWN_REFERENCE_KIND', 404, 'kind', { value: kind });
  if (!isIsoDate(meta.takenOn)) throw new AppError('VALIDATION_FAILED', 400, 'takenOn', { detail: 'YYYY-MM-DD' });
  // The latest snapshot is the dataset: one dated ahead would shadow every real one loaded after it.
  if (meta.takenOn > today)
    throw new AppError('VALIDATION_FAILED', 400, 'takenOn', { detail: `${meta.takenOn} > ${today}` });
  const table = await readTable(file);
  const header = (table[0] ?? []).map((c) => /\(([A-Za-z]+)\)\s*$/.exec(c.text)?.[1] ?? c.text);
  const problems: Problem[] = [];
  for (const c of spec.required ?? spec.columns.slice(0, 1))
    if (!header.includes(c))
      problems.push({
        row: 1,
        column: c,
        code: 'REQUIRED_FIELD',
        message: { zh: `缺少列 ${c}`, en: `Column ${c} is missing` },
      });
  const records: { subject: string; data: Record<string, unknown> }[] = [];
  // Every row checked, so one answer names every problem (a missing key column makes rows unreadable).
  const readable = problems.length === 0;
  const firstRow = new Map<string, number>();
  for (let r = 1; readable && r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => !c.text)) continue;
    const data: Record<string, string> = {};
    for (const c of spec.columns) {
      const v = cells[header.indexOf(c)]?.text ?? '';
      if (v) data[c] = v;
    }
    const bad = (column: string, zh: string, en: string) =>
      problems.push({ row: r + 1, column, code: 'VALIDATION_FAILED', message: { zh, en } });
    for (const c of spec.required ?? [])
      if (c !== 'idNumber' && !data[c]) bad(c, '此列不能为空', 'This column may not be empty');
    let subject = '';
    if (spec.person) {
      const id = parseResidentId(data.idNumber ?? '');
      if (!id.ok) bad('idNumber', '身份证号码无效', 'Not a valid ID number');
      else subject = vault.lookupHash('id-number', id.value.number);
      delete data.idNumber;
    } else {
      subject = (data.creditCode ?? '').toUpperCase();
      if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(subject))
        bad('creditCode', '统一社会信用代码格式不正确', 'Malformed credit code');
      delete data.creditCode;
      if (data.founderIdNumber !== undefined) {
        const founder = parseResidentId(data.founderIdNumber);
        if (!founder.ok) bad('founderIdNumber', '经营者身份证号码无效', 'Not a valid ID number');
        else data.founderHash = vault.lookupHash('id-number', founder.value.number);
        delete data.founderIdNumber;
      }
    }
    for (const [k, v] of Object.entries(data)) {
      const problem = badValue(spec, k, v);
      if (problem) bad(k, problem.zh, problem.en);
    }
    if (spec.statuses && data.from && data.to && data.to < data.from)
      bad('to', '结束日期早于开始日期', 'Ends before it begins');
    // One record per subject (per status, in a list): two differing rows would leave which one counts to chance.
    const key = spec.statuses ? `${subject}|${data.status ?? ''}` : subject;
    const first = subject ? firstRow.get(key) : undefined;
    if (first !== undefined)
      bad(spec.person ? 'idNumber' : 'creditCode', `与第 ${first} 行重复`, `Repeats row ${first}`);
    else if (subject) firstRow.set(key, r + 1);
    records.push({ subject, data });
  }
  if (readable && problems.length === 0 && records.length === 0)
    problems.push({
      row: 2,
      column: spec.columns[0] ?? '',
      code: 'REQUIRED_FIELD',
      message: {
        zh: '文件没有数据行：空快照会清空整个数据集',
        en: 'The file has no rows: an empty snapshot would empty the dataset',
      },
    });
  if (problems.length > 0)
    throw new AppError('IMPORT_REJECTED', 422, 'file', { value: String(problems.length) }, problems);
  const stored = spec.statuses ? byPerson(records) : records;
  const contentHash = hashOf(stored);
  const rowCount = records.length;
  const earlier = () =>
    db
      .selectFrom('reference_snapshot')
      .select(['id', 'rows'])
      .where('kind', '=', kind as ReferenceKind)
      .where('region_code', '=', actor.regionCode)
      .where('taken_on', '=', meta.takenOn)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
  const loaded = await earlier();
  if (loaded) return { snapshotId: loaded.id, rows: loaded.rows, created: false };
  const created = await db.transaction().execute(async (trx) => {
    const snapshot = await trx
      .insertInto('reference_snapshot')
      .values({
        kind: kind as ReferenceKind,
        taken_on: meta.takenOn,
        source: meta.source,
        rows: rowCount,
        imported_by: actor.accountId,
        region_code: actor.regionCode,
        content_hash: contentHash,
      })
      // The same file sent twice at once: the second finds the first's row and stores nothing.
      .onConflict((oc) => oc.columns(['kind', 'region_code', 'taken_on', 'content_hash']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!snapshot) return undefined;
    for (let i = 0; i < stored.length; i += 2000) {
      await trx
        .insertInto('reference_record')
        .values(
          stored
            .slice(i, i + 2000)
            .map((r) => ({ snapshot_id: snapshot.id, subject: r.subject, data: JSON.stringify(r.data) })),
        )
        .execute();
    }
    await appendAudit(trx, vault, {
      actor,
      action: 'reference.imported',
      entityType: 'reference_snapshot',
      entityId: snapshot.id,
      regionCode: actor.regionCode,
      after: { kind, rows: rowCount, ...meta },
    });
    return { snapshotId: snapshot.id, rows: rowCount, created: true };
  });
  if (created) return created;
  const raced = await earlier();
  if (!raced) throw new Error('reference snapshot neither stored nor found');
  return { snapshotId: raced.id, rows: raced.rows, created: false };
}

/** A list's rows kept as one record per person, holding each status the list names them with. */
function byPerson(
  records: readonly { subject: string; data: Record<string, unknown> }[],
): { subject: string; data: Record<string, unknown> }[] {
  const people = new Map<string, ListedStatusRecord['statuses'][number][]>();
  for (const { subject, data } of records) {
    const { status, from, to } = data as {
      status: ListedStatusRecord['statuses'][number]['kind'];
      from: string;
      to?: string;
    };
    people.set(subject, [...(people.get(subject) ?? []), { kind: status, from, ...(to ? { to } : {}) }]);
  }
  return [...people].map(([subject, statuses]) => ({
    subject,
    data: { statuses: statuses.sort((a, b) => (a.kind < b.kind ? -1 : 1)) } satisfies ListedStatusRecord,
  }));
}

/** The rows' content, independent of their order in the file and of the file's format. */
function hashOf(records: readonly { subject: string; data: Record<string, unknown> }[]): string {
  const lines = records.map((r) => JSON.stringify([r.subject, r.data])).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * The snapshots a member of staff works with, newest first (at most 200): those serving their region
 * (loaded there or above it) and those loaded in the regions below it.
 */
export function listReferenceSnapshots(db: Kysely<Database>, regionCode: string) {
  const { low, high } = regionRange(regionCode);
  return (
    db
      .selectFrom('reference_snapshot')
      .select(['id', 'kind', 'taken_on', 'source', 'rows', 'imported_at', 'region_code'])
      .where((eb) =>
        eb.or([
          eb('region_code', 'in', regionChain(regionCode)),
          eb.and([eb('region_code', '>=', low), eb('region_code', '<=', high)]),
        ]),
      )
      // Ids are random (uuid): the order is the time of loading.
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute()
  );
}
