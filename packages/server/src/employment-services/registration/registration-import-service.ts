import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionChecker } from '../../regions/region-scope.js';
import { fromError, problem, readRows, rejectIfAny, type ImportProblem } from '../../registry/import/sheet.js';
import { readTable } from '../../registry/import/tabular.js';
import { RowError } from '../../registry/import/templates.js';
import { recordFact } from '../../registry/registry-fact-repository.js';
import type { Vault } from '../../security/vault.js';
import { refuseBadEmployerCode, refuseBeforeWorkingAge } from './assert-can-register.js';
import { lockAllCardHolders, newCardNumber } from './card-number.js';
import { registrationFact } from './registration-facts.js';
import {
  cardHolder,
  cardNumberOf,
  insertHistoricRegistration,
  personByIdHash,
  registrationsOf,
} from './registration-repository.js';
import { readRegistrationRow, REGISTRATION_COLUMNS, type HistoricRegistration } from './registration-sheets.js';

interface ReadRow {
  readonly number: number;
  readonly personId: string;
  readonly reg: HistoricRegistration;
}

const column = (field: string) => REGISTRATION_COLUMNS.find((c) => c.key === field);
const period = (from: string, to: string | undefined) => ({
  zh: `${from} 至 ${to ?? '今'}`,
  en: `${from} to ${to ?? 'now'}`,
});

/**
 * Historic registrations from the system before this one, imported all or nothing: every problem of
 * the file at once (by row and column), one person's periods never overlapping (with what is on
 * record already), and each registration recorded with its registry fact in one transaction.
 * Historic rows open no assistance case: cases are for people newly registered.
 */
export class RegistrationImportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async importRegistrations(actor: Actor, file: Buffer): Promise<{ imported: number }> {
    const problems: ImportProblem[] = [];
    const rows = readRows(
      await readTable(file),
      REGISTRATION_COLUMNS,
      ['idNumber', 'regionCode', 'employerCreditCode', 'cardNumber'],
      problems,
    );
    const checkRegion = await regionChecker(this.db, actor.regionCode);
    const read: ReadRow[] = [];
    for (const { number, row } of rows) {
      try {
        const reg = readRegistrationRow(row);
        checkRegion(reg.regionCode, 'regionCode');
        await refuseBadEmployerCode(this.db, reg.employerCreditCode);
        // What the form refuses, the import refuses: a day to come, or before the person could work.
        if (reg.startsOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'startsOn');
        if (reg.endsOn && reg.endsOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'endsOn');
        const person = await personByIdHash(this.db, this.vault.lookupHash('id-number', reg.idNumber));
        if (!person || !isInScope(actor.regionCode, person.region_code))
          throw new AppError('PERSON_NOT_FOUND', 404, 'idNumber');
        refuseBeforeWorkingAge(person.birth_date, reg.startsOn);
        const place = reg.basis === 'residence' ? person.region_code : person.hukou_region;
        if (place !== reg.regionCode)
          throw new RowError(
            'regionCode',
            `不是此人的${reg.basis === 'residence' ? '常住地' : '户籍地'}`,
            `is not the person’s place of ${reg.basis === 'residence' ? 'residence' : '户籍'}`,
          );
        read.push({ number, personId: person.id, reg });
      } catch (error) {
        problems.push(fromError(error, number, column));
      }
    }
    await this.findOverlaps(read, problems);
    await this.db.transaction().execute(async (trx) => {
      // With no card issued or recorded elsewhere meanwhile, the imported numbers first: a row without
      // a number then takes its next serial after them, never one of them. The file's problems are
      // told all at once, these with the rest.
      await lockAllCardHolders(trx);
      const imported = read.filter((r) => r.reg.cardNumber);
      const issued = read.filter((r) => !r.reg.cardNumber);
      // A number is one person's and a person has one number (就业创业证 is issued once): held by
      // another, or the person holding another, on record or in an earlier row of the file, it
      // would put two people behind one card or one person behind two.
      const holders = new Map<string, string>();
      const heldBy = new Map<string, string | undefined>();
      for (const { number, personId, reg } of imported) {
        const card = reg.cardNumber ?? '';
        const holder = holders.get(card) ?? (await cardHolder(trx, card));
        const held = heldBy.has(personId) ? heldBy.get(personId) : await cardNumberOf(trx, personId);
        const refusal =
          holder && holder !== personId
            ? new RowError('cardNumber', '该证号已属于另一人', 'belongs to another person')
            : held && held !== card
              ? new RowError('cardNumber', `此人已持有就业创业证 ${held}`, `the person already holds card ${held}`)
              : undefined;
        if (refusal) problems.push(fromError(refusal, number, column));
        else {
          holders.set(card, personId);
          heldBy.set(personId, card);
        }
      }
      rejectIfAny(problems, REGISTRATION_COLUMNS, read.length);
      const inOrder = (rows: ReadRow[]) => rows.sort((a, b) => (a.reg.startsOn < b.reg.startsOn ? -1 : 1));
      for (const { personId, reg } of [...inOrder(imported), ...inOrder(issued)]) {
        const card =
          reg.cardNumber ??
          (await cardNumberOf(trx, personId)) ??
          (await newCardNumber(trx, reg.regionCode, this.clock.today()));
        const fact = registrationFact({ ...reg, personId });
        const factId = await recordFact(trx, {
          personId,
          kind: fact.kind,
          data: { ...fact.data, ...(reg.endsOn ? { to: reg.endsOn } : {}) },
          source: 'employment-services',
          recordedBy: actor.accountId,
        });
        await insertHistoricRegistration(trx, {
          person_id: personId,
          kind: reg.kind,
          region_code: reg.regionCode,
          basis: reg.basis,
          community: reg.community ?? null,
          starts_on: reg.startsOn,
          ends_on: reg.endsOn ?? null,
          end_reason: reg.endReason ?? null,
          employment_kind: reg.employmentKind ?? null,
          employer_credit_code: reg.employerCreditCode ?? null,
          card_number: card,
          last_contact_on: reg.endsOn ?? reg.startsOn,
          fact_id: factId,
          created_by: actor.accountId,
          ended_by: reg.endsOn ? actor.accountId : null,
        });
      }
      await appendAudit(trx, this.vault, {
        actor,
        action: 'employment-services.registrations-imported',
        entityType: 'employment_registration',
        regionCode: actor.regionCode,
        after: { rows: read.length },
      });
    });
    return { imported: read.length };
  }

  /** One person's periods, the file's and those on record, in order: each must end before the next begins. */
  private async findOverlaps(read: readonly ReadRow[], problems: ImportProblem[]): Promise<void> {
    const people = [...new Set(read.map((r) => r.personId))];
    for (const personId of people) {
      const onRecord = (await registrationsOf(this.db, personId)).map((r) => ({
        number: 0,
        from: r.starts_on,
        to: r.ends_on ?? undefined,
      }));
      const inFile = read
        .filter((r) => r.personId === personId)
        .map((r) => ({ number: r.number, from: r.reg.startsOn, to: r.reg.endsOn }));
      const all = [...onRecord, ...inFile].sort((a, b) =>
        a.from < b.from ? -1 : a.from > b.from ? 1 : a.number - b.number,
      );
      for (let i = 1; i < all.length; i++) {
        const [before, after] = [all[i - 1], all[i]];
        if (!before || !after || (before.to !== undefined && before.to < after.from)) continue;
        const [a, b] = [period(before.from, before.to), period(after.from, after.to)];
        const row = after.number || before.number;
        problems.push(
          problem(row, column('startsOn'), 'startsOn', 'REGISTRATION_OVERLAPS', {
            zh: `登记期间 ${b.zh} 与 ${a.zh} 重叠`,
            en: `The period ${b.en} overlaps ${a.en}`,
          }),
        );
      }
    }
  }
}
