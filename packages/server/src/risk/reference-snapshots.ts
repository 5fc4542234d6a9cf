import { isIsoDate, isIsoMonth, parseResidentId } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database, ReferenceKind } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { readTable } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';

/** The columns of each reference kind's file, and how a row becomes a record. */
const KINDS: Record<ReferenceKind, { person: boolean; columns: readonly string[]; required?: readonly string[] }> = {
  deaths: { person: true, columns: ['idNumber', 'date'] },
  'civil-service-roster': { person: true, columns: ['idNumber', 'unit'] },
  // 市场监管 登记数据: the founder (经营者/法定代表人) is kept as a keyed hash, never the ID number.
  'business-registry': {
    person: false,
    columns: ['creditCode', 'status', 'deregisteredOn', 'name', 'form', 'sizeClass', 'registeredOn', 'founderIdNumber'],
  },
  'social-insurance': { person: true, columns: ['idNumber', 'fromMonth', 'toMonth', 'employer'] },
  'unemployment-registrations': { person: true, columns: ['idNumber', 'from', 'to'] },
  'poverty-monitoring': { person: true, columns: ['idNumber', 'from'] },
  // 学信/教育部门 毕业生数据: the graduation (or expected graduation) date and the kind of school.
  'graduate-records': {
    person: true,
    columns: ['idNumber', 'graduatedOn', 'institution'],
    required: ['idNumber', 'graduatedOn', 'institution'],
  },
};

/**
 * Imports one snapshot of a reference dataset: every row checked first, every problem reported at
 * once, and nothing stored unless all rows are good.
 */
export async function importReferenceSnapshot(
  db: Kysely<Database>,
  vault: Vault,
  actor: Actor,
  kind: string,
  file: Buffer,
  meta: { takenOn: string; source: string },
  today: string,
): Promise<{ snapshotId: string; rows: number }> {
  const spec = Object.hasOwn(KINDS, kind) ? KINDS[kind as ReferenceKind] : undefined;
  if (!spec) throw new AppError('UNKNOWN_REFERENCE_KIND', 404, 'kind', { value: kind });
  if (!isIsoDate(meta.takenOn)) throw new AppError('VALIDATION_FAILED', 400, 'takenOn', { detail: 'YYYY-MM-DD' });
  // The latest snapshot is the dataset: one dated ahead would shadow every real one loaded after it.
  if (meta.takenOn > today)
    throw new AppError('VALIDATION_FAILED', 400, 'takenOn', { detail: `${meta.takenOn} > ${today}` });
  const table = await readTable(file);
  const header = (table[0] ?? []).map((c) => /\(([A-Za-z]+)\)\s*$/.exec(c.text)?.[1] ?? c.text);
  const problems: { row: number; column: string; code: string; message: { zh: string; en: string } }[] = [];
  for (const c of spec.required ?? spec.columns.slice(0, 1))
    if (!header.includes(c))
      problems.push({
        row: 1,
        column: c,
        code: 'REQUIRED_FIELD',
        message: { zh: `缺少列 ${c}`, en: `Column ${c} is missing` },
      });
  const records: { subject: string; data: Record<string, string> }[] = [];
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
      if (['date', 'from', 'to', 'deregisteredOn', 'registeredOn', 'graduatedOn'].includes(k) && !isIsoDate(v))
        bad(k, '日期应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD');
      if (['fromMonth', 'toMonth'].includes(k) && !isIsoMonth(v)) bad(k, '月份应为 YYYY-MM', 'Months are YYYY-MM');
      if (k === 'status' && !['active', 'deregistered'].includes(v))
        bad(k, '状态应为 active 或 deregistered', 'Status is active or deregistered');
      if (k === 'form' && !['enterprise', 'individual-business'].includes(v))
        bad(k, '主体类型应为 enterprise 或 individual-business', 'Form is enterprise or individual-business');
      if (k === 'institution' && !['university', 'technical-college'].includes(v))
        bad(k, '院校类别应为 university 或 technical-college', 'Institution is university or technical-college');
      if (k === 'sizeClass' && !['large', 'medium', 'small', 'micro'].includes(v))
        bad(k, '规模应为 large、medium、small 或 micro', 'Size class is large, medium, small or micro');
    }
    // One record per subject: two differing rows would leave which one counts to chance.
    const first = subject ? firstRow.get(subject) : undefined;
    if (first !== undefined)
      bad(spec.person ? 'idNumber' : 'creditCode', `与第 ${first} 行重复`, `Repeats row ${first}`);
    else if (subject) firstRow.set(subject, r + 1);
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
  return db.transaction().execute(async (trx) => {
    const snapshot = await trx
      .insertInto('reference_snapshot')
      .values({
        kind: kind as ReferenceKind,
        taken_on: meta.takenOn,
        source: meta.source,
        rows: records.length,
        imported_by: actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < records.length; i += 2000) {
      await trx
        .insertInto('reference_record')
        .values(
          records
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
      after: { kind, rows: records.length, ...meta },
    });
    return { snapshotId: snapshot.id, rows: records.length };
  });
}

/** The snapshots loaded, newest first (at most 200): what each is, when it was taken, from where, how many rows. */
export function listReferenceSnapshots(db: Kysely<Database>) {
  return (
    db
      .selectFrom('reference_snapshot')
      .select(['id', 'kind', 'taken_on', 'source', 'rows', 'imported_at'])
      // Ids are random (uuid): the order is the time of loading.
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute()
  );
}
