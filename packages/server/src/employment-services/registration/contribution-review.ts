import { monthOf, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { regionRange } from '../../regions/region-scope.js';
import { peopleNamed, unemployedWithEmployerContributions } from './registration-repository.js';
import type { EndedRegistrations } from './registration.schemas.js';
import type { RegistrationService } from './registration-service.js';

interface InsuranceRun {
  readonly fromMonth?: string;
  readonly toMonth?: string;
  readonly employer?: string;
}

/**
 * Contributions a unit paid for someone registered unemployed mean they work (就业失业登记即时对接,
 * 庆政办发〔2023〕102号 第25条): from the social-insurance data loaded into the registry, the first month a
 * unit paid after the month the unemployment began starts an employment registration with that unit
 * on the month's first day, which ends the unemployment the day before. Self-paid (flexible)
 * contributions say nothing about an employer and are left alone.
 */
export class ContributionReview {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly registrations: RegistrationService,
  ) {}

  async run(actor: Actor): Promise<EndedRegistrations> {
    const today = this.clock.today();
    const rows = await unemployedWithEmployerContributions(this.db, regionRange(actor.regionCode));
    const first = new Map<string, { row: (typeof rows)[number]; month: string; employer: string }>();
    for (const row of rows) {
      const run = row.data as InsuranceRun;
      if (!run.employer || !run.fromMonth || !run.toMonth) continue;
      const after = monthOf(row.starts_on as IsoDate);
      const month = run.fromMonth > after ? run.fromMonth : run.toMonth > after ? nextMonth(after) : undefined;
      if (!month || `${month}-01` > today) continue;
      const known = first.get(row.id);
      if (!known || month < known.month) first.set(row.id, { row, month, employer: run.employer });
    }
    const ended: string[] = [];
    for (const { row, month, employer } of first.values()) {
      const input = {
        personId: row.person_id,
        kind: 'employment' as const,
        employmentKind: 'labour-contract' as const,
        employerCreditCode: employer,
        regionCode: row.region_code,
        basis: row.basis,
        ...(row.community ? { community: row.community } : {}),
        startsOn: `${month}-01`,
      };
      try {
        await this.registrations.register(actor, input);
        ended.push(row.person_id);
      } catch (error) {
        // Someone registered the person meanwhile, or the data disagree with the record: left for a person to look at.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return { ended: ended.length, people: await peopleNamed(this.db, ended) };
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
