import { CalendarNotPublishedError, WorkingCalendar, type CalendarYear, type IsoDate } from '@huimin/policy';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import type { Vault } from '../security/vault.js';

/**
 * The official working-day calendar: the years bundled with the code, plus years an administrator
 * loads after the State Council publishes them each November. Kept in memory and read again at
 * most every `checkEveryMs` (a handful of rows), so a year loaded through another server process is
 * seen without a restart.
 */
export class CalendarService {
  private current: Promise<{ calendar: WorkingCalendar; rows: string }> | undefined;
  private checkedAt = -Infinity;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly checkEveryMs = Infinity,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    const now = performance.now();
    if (this.current && now - this.checkedAt < this.checkEveryMs) return (await this.current).calendar;
    this.checkedAt = now;
    // Once read, the re-read runs in the background: a caller inside a transaction must never wait
    // on a query of its own (the embedded database's one connection is the transaction's).
    if (this.current) {
      const kept = this.current;
      void this.reread().catch(() => undefined);
      return (await kept).calendar;
    }
    return (await this.reread()).calendar;
  }

  private reread(): Promise<{ calendar: WorkingCalendar; rows: string }> {
    const previous = this.current;
    const loaded = this.db
      .selectFrom('calendar_year')
      .select(['year', 'holidays', 'workdays'])
      .orderBy('year')
      .execute()
      .then(async (found) => {
        const rows = JSON.stringify(found);
        const before = previous ? await previous.catch(() => undefined) : undefined;
        return before?.rows === rows ? before : { calendar: WorkingCalendar.official(found), rows };
      });
    if (!previous) {
      this.current = loaded;
      loaded.catch(() => {
        if (this.current === loaded) this.current = undefined;
      });
    } else
      // The calendar in use is replaced only once the new one is read, never by a pending query.
      loaded.then(
        (value) => {
          if (this.current === previous) this.current = Promise.resolve(value);
        },
        () => undefined,
      );
    return loaded;
  }

  /** A year's days off and weekend days worked, and whether an administrator loaded it (else it is bundled). */
  async year(year: number): Promise<{ holidays: IsoDate[]; workdays: IsoDate[]; loaded: boolean } | undefined> {
    const found = (await this.calendar()).year(year);
    if (!found) return undefined;
    const loaded = await this.db.selectFrom('calendar_year').select('year').where('year', '=', year).executeTakeFirst();
    return { holidays: [...found.holidays].sort(), workdays: [...found.workdays].sort(), loaded: loaded !== undefined };
  }

  /** The nth working day after `date`, or null when that runs into a year not yet loaded. */
  async deadline(date: IsoDate, workingDays: number): Promise<IsoDate | null> {
    const calendar = await this.calendar();
    try {
      return calendar.addWorkingDays(date, workingDays);
    } catch (error) {
      if (error instanceof CalendarNotPublishedError) return null;
      throw error;
    }
  }

  async loadYear(actor: Actor, year: CalendarYear): Promise<void> {
    // A day of another year would sit in this year's row, where no deadline ever looks for it.
    for (const list of ['holidays', 'workdays'] as const)
      year[list].forEach((day, i) => {
        if (!day.startsWith(`${year.year}-`))
          throw new AppError(
            'VALIDATION_FAILED',
            400,
            `${list}[${i}]`,
            inBoth('detail', `应为 ${year.year} 年内的日期`, `must be a day of ${year.year}`),
          );
      });
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('calendar_year')
        .values({
          year: year.year,
          holidays: [...year.holidays],
          workdays: [...year.workdays],
          loaded_by: actor.accountId,
        })
        .onConflict((oc) =>
          oc
            .column('year')
            .doUpdateSet({ holidays: [...year.holidays], workdays: [...year.workdays], loaded_by: actor.accountId }),
        )
        .execute();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'calendar.year-loaded',
        entityType: 'calendar_year',
        entityId: String(year.year),
        // The calendar is the whole platform's; the entry is the loader's region's, so its auditors see it.
        regionCode: actor.regionCode,
        after: year,
      });
    });
    this.current = undefined;
  }
}
