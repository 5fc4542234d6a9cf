import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import { TERMINAL_STATES } from '../applications/workflow.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import type { SweepProgress } from './sweep-batch.js';

/** The sweep's last phase: the offers that need no application become applications. */
export class NoApplicationFiling {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly applications: ApplicationService,
  ) {}

  /**
   * 免申即享: each offer the region marked as needing no application becomes an application filed
   * by the system and sent to review. The offer's id is the idempotency key, so a filing that was
   * interrupted after the application but before the offer was marked finds the same application.
   */
  async fileWhatNeedsNoApplication(
    jobId: string,
    actor: Actor,
    onProgress?: (progress: SweepProgress) => void,
  ): Promise<void> {
    const total = Number(
      (
        await this.db
          .selectFrom('offer')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('sweep_job_id', '=', jobId)
          .where('no_application', '=', true)
          .where('application_id', 'is', null)
          .where('state', '=', 'open')
          .executeTakeFirstOrThrow()
      ).n,
    );
    let done = 0;
    for (;;) {
      const offers = await this.db
        .selectFrom('offer')
        .selectAll()
        .where('sweep_job_id', '=', jobId)
        .where('no_application', '=', true)
        .where('application_id', 'is', null)
        .where('state', '=', 'open')
        .orderBy('id')
        .limit(200)
        .execute();
      if (offers.length === 0) return;
      for (const offer of offers) {
        const applicationId = await this.fileFor(actor, offer);
        await this.db.transaction().execute(async (trx) => {
          const marked = await trx
            .updateTable('offer')
            .set({ state: 'filed', application_id: applicationId })
            .where('id', '=', offer.id)
            .where('application_id', 'is', null)
            .executeTakeFirst();
          // Another runner of the same sweep marked it first (decision 024): counted once, by that one.
          if (Number(marked.numUpdatedRows) === 0) return;
          await trx
            .updateTable('sweep_job')
            .set((eb) => ({ applications_filed: eb('applications_filed', '+', 1), updated_at: this.clock.now() }))
            .where('id', '=', jobId)
            .execute();
        });
        onProgress?.({ phase: 'filing', done: ++done, total });
      }
    }
  }

  private async fileFor(
    actor: Actor,
    offer: {
      id: string;
      person_id: string | null;
      organisation_id: string | null;
      subsidy_id: string;
      period_key: string;
    },
  ): Promise<string> {
    try {
      const input = {
        subsidy: offer.subsidy_id,
        idempotencyKey: `offer-${offer.id}`,
        ...(offer.person_id ? { personId: offer.person_id } : { organisationId: offer.organisation_id ?? NO_ONE }),
      };
      return (await this.applications.create(actor, input, undefined, { prepared: true })).application.id;
    } catch (error) {
      // Applied for in the meantime by the person or at the counter: that application stands for the offer.
      if (!(error instanceof AppError) || error.code !== 'DUPLICATE_APPLICATION') throw error;
      const existing = await this.db
        .selectFrom('application')
        .select('id')
        .where('subsidy_id', '=', offer.subsidy_id)
        .where(
          offer.person_id ? 'person_id' : 'organisation_id',
          '=',
          offer.person_id ?? offer.organisation_id ?? NO_ONE,
        )
        .where('period_key', '=', offer.period_key)
        .where('state', 'not in', [...TERMINAL_STATES])
        .executeTakeFirstOrThrow();
      return existing.id;
    }
  }
}
