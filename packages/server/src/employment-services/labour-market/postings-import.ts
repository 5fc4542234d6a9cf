import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionChecker } from '../../regions/region-scope.js';
import { fromError, fromErrors, readRows, rejectIfAny, type ImportProblem } from '../../registry/import/sheet.js';
import { readTable } from '../../registry/import/tabular.js';
import type { Vault } from '../../security/vault.js';
import type { PostingInput } from './labour-market.schemas.js';
import {
  assertEmployerActive,
  minimumWageError,
  postingFieldErrors,
  workplaceError,
  type StandardLookup,
} from './posting-checks.js';
import { findEmployer, findSameOpenPosting, insertPosting, lockUnitPostings } from './posting-repository.js';
import { columns, postingKey } from './posting-columns.js';
import { POSTING_COLUMNS, POSTING_FIELD_COLUMN, readPostingRow } from './postings-sheet.js';

const column = (field: string) => POSTING_COLUMNS.find((c) => c.key === (POSTING_FIELD_COLUMN[field] ?? field));

/**
 * An employer's postings imported by a clerk from a sheet (岗位批量导入), all or nothing: every
 * problem of every row at once, by row and column, in the reader's language — a cell that cannot be
 * read, and each posting rule a row breaks (pay upside down, dates, an unknown occupation, the
 * discriminatory words with their law, a region outside the clerk's or the unit's province, pay
 * below the minimum wage, a job the sheet or the unit's open postings already hold) — and, when
 * there is none, every row a posting waiting for review in one transaction, posted by the clerk
 * (who therefore may not publish them). An employer the business registry shows deregistered imports nothing.
 */
export class PostingImport {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly standard: StandardLookup,
  ) {}

  async importFor(actor: Actor, organisationId: string, file: Buffer): Promise<{ imported: number }> {
    const employer = await findEmployer(this.db, organisationId);
    if (!employer || !isInScope(actor.regionCode, employer.region_code))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    await assertEmployerActive(this.db, employer);
    const problems: ImportProblem[] = [];
    const rows = readRows(await readTable(file), POSTING_COLUMNS, ['regionCode'], problems);
    const checkRegion = await regionChecker(this.db, actor.regionCode);
    const today = this.clock.today();
    const read: { number: number; posting: PostingInput }[] = [];
    /** Each job's first row: the same job twice in one sheet is the form's double click. */
    const firstRow = new Map<string, number>();
    for (const { number, row } of rows) {
      let posting: PostingInput;
      try {
        posting = readPostingRow(row);
      } catch (error) {
        problems.push(...fromErrors(error, number, column));
        continue;
      }
      const errors: unknown[] = postingFieldErrors(posting, today);
      try {
        checkRegion(posting.regionCode, 'regionCode');
        // A region neither known nor the clerk's is named once; the workplace's rules need a real one.
        const elsewhere = await workplaceError(this.db, employer, posting.regionCode);
        if (elsewhere) errors.push(elsewhere);
        const underpaid = await minimumWageError(this.standard, posting, 'month', today);
        if (underpaid) errors.push(underpaid);
      } catch (error) {
        errors.push(error);
      }
      const key = JSON.stringify(postingKey(employer.id, posting, 'month'));
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, number);
      else errors.push(new AppError('DUPLICATE_ROW', 400, 'title', { row: String(first) }));
      for (const error of errors) problems.push(fromError(error, number, column));
      if (errors.length === 0) read.push({ number, posting });
    }
    rejectIfAny(problems, POSTING_COLUMNS, read.length);
    await this.db.transaction().execute(async (trx) => {
      // The same rule as a posting sent alone, under the same lock: a job the unit has open already.
      await lockUnitPostings(trx, employer.id);
      for (const { number, posting } of read) {
        const same = await findSameOpenPosting(trx, postingKey(employer.id, posting, 'month'), today);
        if (same)
          problems.push(
            fromError(new AppError('DUPLICATE_POSTING', 409, 'title', { date: same.valid_to }), number, column),
          );
      }
      rejectIfAny(problems, POSTING_COLUMNS, read.length);
      const ids: string[] = [];
      for (const { posting } of read)
        ids.push(
          await insertPosting(trx, {
            organisation_id: employer.id,
            ...columns(posting, employer.name),
            state: 'submitted',
            posted_by: actor.accountId,
          }),
        );
      await appendAudit(trx, this.vault, {
        actor,
        action: 'labour-market.postings-imported',
        entityType: 'organisation',
        entityId: employer.id,
        regionCode: employer.region_code,
        after: { rows: read.length, postingIds: ids },
      });
    });
    return { imported: read.length };
  }
}
