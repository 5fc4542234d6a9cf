import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { Vault } from '../security/vault.js';

/** What the payment use cases work with, handed over by `PaymentService`. */
export interface PaymentDeps {
  readonly db: Kysely<Database>;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly applications: ApplicationService;
  /** Items settled per transaction: larger is faster, smaller loses less work to a crash. */
  readonly settleChunkSize: number;
}
