import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { Vault } from '../security/vault.js';
import type { ApplicationReads } from './application-reads.js';
import type { ApplicationViewT } from './applications.schemas.js';
import { checkDeferredMaterial } from './check-deferred-material.js';
import type { DeferredCheck } from './deferred-materials.schemas.js';
import { assertSuppliable, markSupplied } from './deferred-materials.js';
import { lapseDeferredMaterials } from './lapse-deferred-materials.js';

/**
 * 容缺受理 after filing (decision 026): the applicant supplies what they promised, a clerk checks
 * each, and the deadline sweep returns an application whose promise lapsed. The promise itself is
 * made at filing (file-with-promise.ts); the gate at approval is in transition-effects.ts.
 */
export class DeferredMaterialsDesk {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly reads: ApplicationReads,
  ) {}

  /** A clerk's check of one supplied material. */
  async check(actor: Actor, id: string, material: number, input: DeferredCheck): Promise<ApplicationViewT> {
    await checkDeferredMaterial(
      { db: this.db, vault: this.vault, now: () => this.clock.now() },
      actor,
      id,
      material,
      input,
    );
    return this.reads.get(actor, id);
  }

  /** The deadline sweep, as of the server's today (a job runs it; tests call it with their clock). */
  lapseOverdue(): Promise<{ returned: string[] }> {
    return lapseDeferredMaterials({ db: this.db, vault: this.vault }, this.clock.today(), this.clock.now());
  }

  /**
   * Whether a file for `material` may be taken now, and whether it supplies a promise; checked
   * before the upload's transaction and again inside it with the application row locked.
   */
  assertSuppliable(
    db: Kysely<Database> | Transaction<Database>,
    app: { id: string; state: string },
    material: number,
    openForFiles: boolean,
  ): Promise<boolean> {
    return assertSuppliable(db, app, material, this.clock.today(), openForFiles);
  }

  /** The file supplies the promise (inside the upload's transaction). */
  supplied(trx: Transaction<Database>, applicationId: string, material: number, evidenceId: string): Promise<void> {
    return markSupplied(trx, applicationId, material, evidenceId, this.clock.now());
  }
}
