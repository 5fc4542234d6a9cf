import { parseResidentId } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionChecker } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import { checkFact, type PreparedOrganisation, type PreparedPerson } from '../registry-input.js';
import { insertOrganisation, insertPerson } from '../registry-repository.js';
import type { RegistryService } from '../registry-service.js';
import type { FactInput } from '../registry.schemas.js';
import { headerOf, importKind, IMPORT_KINDS, RowError, type Column, type ImportKind } from './templates.js';
import { fromError, fromErrors, readRows, rejectIfAny, type ImportProblem } from './sheet.js';
import { readTable, toCsv, toXlsx, type Table } from './tabular.js';

type Prepared =
  | { readonly row: number; readonly kind: 'person'; readonly p: PreparedPerson }
  | { readonly row: number; readonly kind: 'organisation'; readonly p: PreparedOrganisation }
  | { readonly row: number; readonly kind: 'person-fact'; readonly personId: string; readonly fact: FactInput };

/**
 * Bulk import into the registry from the system's own templates. All or nothing: every row is
 * checked first, and a file with any bad row imports nothing and comes back with every problem by
 * row and column, in Chinese and English. A good file is written in one transaction.
 */
export class ImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly registry: RegistryService,
  ) {}

  kinds(): readonly ImportKind[] {
    return IMPORT_KINDS;
  }

  async template(kindId: string, format: 'xlsx' | 'csv'): Promise<Buffer> {
    const kind = this.kind(kindId);
    const header = kind.columns.map(headerOf);
    const example = kind.columns.map((c) => c.example);
    if (format === 'csv') return toCsv([header, example]);
    const notes = [
      `${kind.zh}导入模板 / ${kind.en} import template`,
      '第1行为列名，请勿修改；第2行为示例，导入前请删除或改为真实数据。/ Row 1 names the columns; row 2 is an example to replace.',
      '任一行有错误时整份文件不导入，并返回逐行错误清单。/ If any row is wrong, nothing is imported and every problem is listed.',
      ...kind.columns.map(
        (c) => `${c.zh} (${c.key})${c.required ? ' *必填 required' : ''}${c.help ? `：${c.help}` : ''}`,
      ),
    ];
    return toXlsx(kind.zh, header, [example], notes);
  }

  async import(actor: Actor, kindId: string, file: Buffer): Promise<{ kind: string; imported: number }> {
    const kind = this.kind(kindId);
    const table = await readTable(file);
    const problems: ImportProblem[] = [];
    const prepared = await this.check(actor, kind, table, problems);
    rejectIfAny(problems, kind.columns, prepared.length);

    await this.db.transaction().execute(async (trx) => {
      for (const item of prepared) {
        if (item.kind === 'person') await insertPerson(trx, item.p, actor.accountId, 'import');
        else if (item.kind === 'organisation') await insertOrganisation(trx, item.p, actor.accountId, 'import');
        else
          await trx
            .insertInto('registry_fact')
            .values({
              person_id: item.personId,
              organisation_id: null,
              kind: item.fact.kind,
              data: JSON.stringify(item.fact.data),
              source: 'import',
              recorded_by: actor.accountId,
            })
            .execute();
      }
      await appendAudit(trx, this.vault, {
        actor,
        action: 'registry.imported',
        entityType: 'import',
        entityId: kind.id,
        regionCode: actor.regionCode,
        after: { kind: kind.id, rows: prepared.length },
      });
    });
    return { kind: kind.id, imported: prepared.length };
  }

  private kind(id: string): ImportKind {
    const kind = importKind(id);
    if (!kind) throw new AppError('UNKNOWN_IMPORT_KIND', 404, 'kind', { value: id });
    return kind;
  }

  private async check(actor: Actor, kind: ImportKind, table: Table, problems: ImportProblem[]): Promise<Prepared[]> {
    const rows = readRows(table, kind.columns, ['idNumber', 'creditCode', 'phone', 'employer'], problems);

    const checkRegion = await regionChecker(this.db, actor.regionCode);
    const out: Prepared[] = [];
    const seen = new Map<string, number>();
    const column = (field: string) => kind.columns.find((c) => c.key === field.replace(/^data\./, '').split(/[.[]/)[0]);
    for (const { number, row } of rows) {
      let target: ReturnType<ImportKind['read']>;
      try {
        target = kind.read(row);
      } catch (error) {
        // The row's cells are wrong; its ID number and region are told in the same report.
        problems.push(...fromErrors(error, number, column), ...this.keyProblems(row, number, checkRegion, column));
        continue;
      }
      try {
        if (target.kind === 'person' || target.kind === 'organisation') {
          checkRegion(target.input.regionCode, 'regionCode');
        }
        if (target.kind === 'person') {
          const p = this.registry.preparePerson(target.input);
          const dup = seen.get(p.row.id_number_hmac);
          if (dup) throw new RowError('idNumber', `与第 ${dup} 行重复`, `duplicates row ${dup}`);
          seen.set(p.row.id_number_hmac, number);
          out.push({ row: number, kind: 'person', p });
        } else if (target.kind === 'organisation') {
          const p = this.registry.prepareOrganisation(target.input);
          const dup = seen.get(p.row.credit_code);
          if (dup) throw new RowError('creditCode', `与第 ${dup} 行重复`, `duplicates row ${dup}`);
          seen.set(p.row.credit_code, number);
          out.push({ row: number, kind: 'organisation', p });
        } else {
          const parsed = parseResidentId(target.idNumber);
          if (!parsed.ok) throw new AppError('INVALID_ID_NUMBER', 400, 'idNumber', { detail: parsed.error });
          const fact = checkFact('person', target.fact, '');
          out.push({
            row: number,
            kind: 'person-fact',
            personId: this.vault.lookupHash('id-number', parsed.value.number),
            fact,
          });
        }
      } catch (error) {
        problems.push(...fromErrors(error, number, column));
      }
    }
    if (problems.length > 0) return out;
    return this.resolveAgainstRegistry(actor, out, problems, column);
  }

  /** A row's ID number and region, checked on their own for a row whose other cells failed. */
  private keyProblems(
    row: Record<string, string>,
    number: number,
    checkRegion: (code: string, field: string) => void,
    column: (f: string) => Column | undefined,
  ): ImportProblem[] {
    const found: ImportProblem[] = [];
    if (row.idNumber !== undefined) {
      const parsed = parseResidentId(row.idNumber);
      if (!parsed.ok)
        found.push(
          fromError(new AppError('INVALID_ID_NUMBER', 400, 'idNumber', { detail: parsed.error }), number, column),
        );
    }
    if (row.regionCode !== undefined) {
      try {
        checkRegion(row.regionCode, 'regionCode');
      } catch (error) {
        found.push(fromError(error, number, column));
      }
    }
    return found;
  }

  /** Rows that clash with the registry: a person or unit already there, a fact for someone who is not. */
  private async resolveAgainstRegistry(
    actor: Actor,
    items: Prepared[],
    problems: ImportProblem[],
    column: (f: string) => Column | undefined,
  ): Promise<Prepared[]> {
    const hmacs = items.flatMap((i) =>
      i.kind === 'person' ? [i.p.row.id_number_hmac] : i.kind === 'person-fact' ? [i.personId] : [],
    );
    const codes = items.flatMap((i) => (i.kind === 'organisation' ? [i.p.row.credit_code] : []));
    const people = new Map<string, { id: string; region_code: string }>();
    const units = new Set<string>();
    for (let i = 0; i < hmacs.length; i += 1000) {
      const chunk = [...new Set(hmacs.slice(i, i + 1000))];
      for (const p of await this.db
        .selectFrom('person')
        .select(['id', 'id_number_hmac', 'region_code'])
        .where('id_number_hmac', 'in', chunk)
        .execute())
        people.set(p.id_number_hmac, p);
    }
    for (let i = 0; i < codes.length; i += 1000) {
      for (const o of await this.db
        .selectFrom('organisation')
        .select('credit_code')
        .where('credit_code', 'in', codes.slice(i, i + 1000))
        .execute())
        units.add(o.credit_code);
    }
    const out: Prepared[] = [];
    for (const item of items) {
      try {
        if (item.kind === 'person') {
          if (people.has(item.p.row.id_number_hmac)) throw new AppError('PERSON_EXISTS', 409, 'idNumber');
          out.push(item);
        } else if (item.kind === 'organisation') {
          if (units.has(item.p.row.credit_code)) throw new AppError('ORGANISATION_EXISTS', 409, 'creditCode');
          out.push(item);
        } else {
          const person = people.get(item.personId);
          if (!person || !isInScope(actor.regionCode, person.region_code))
            throw new AppError('PERSON_NOT_REGISTERED', 422, 'idNumber', { value: '' });
          out.push({ ...item, personId: person.id });
        }
      } catch (error) {
        problems.push(fromError(error, item.row, column));
      }
    }
    return out;
  }
}
