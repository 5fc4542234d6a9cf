import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import type { IdentityService } from './identity-service.js';
import type { IdentityStatus } from './identity.schemas.js';
import type { OidcClient } from './oidc.js';

/** A round trip to the provider must come back within 10 minutes. */
const ROUND_MINUTES = 10;

/**
 * Binding through the province's identity service. The provider sends the browser back from
 * another site, so the strict session cookie is not sent with it: the round is found by its state,
 * and must come back to the browser that started it (a key in a cookie of its own), or someone
 * could start a round on their account and have a victim finish it, binding the victim's identity
 * to the attacker's account.
 */
export class OidcBinding {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly oidc: OidcClient,
    private readonly identity: IdentityService,
    private readonly actorOf: (accountId: string, ip: string | null) => Promise<Actor>,
  ) {}

  async start(actor: Actor): Promise<{ url: string; browserKey: string }> {
    await this.db.transaction().execute((trx) => this.identity.lockUnbound(trx, actor));
    const round = await this.oidc.start().catch((error: unknown) => {
      throw new AppError('OIDC_FAILED', 502, undefined, { detail: (error as Error).message });
    });
    const browserKey = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    await this.db
      .deleteFrom('oidc_login')
      .where('created_at', '<', new Date(now.getTime() - ROUND_MINUTES * 60_000))
      .execute();
    await this.db
      .insertInto('oidc_login')
      .values({
        state: hashed(round.state, browserKey),
        account_id: actor.accountId,
        nonce: round.nonce,
        verifier: this.vault.encrypt(round.verifier),
        created_at: now,
      })
      .execute();
    return { url: round.url, browserKey };
  }

  /** Finishes a round: the state and the browser's key find it, once. */
  async finish(callbackUrl: URL, browserKey: string | undefined, ip: string | null): Promise<IdentityStatus> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const providerError = callbackUrl.searchParams.get('error');
    const round = await this.db
      .deleteFrom('oidc_login')
      .where('state', '=', hashed(state, browserKey ?? ''))
      .returningAll()
      .executeTakeFirst();
    if (!round || this.clock.now().getTime() - round.created_at.getTime() > ROUND_MINUTES * 60_000)
      throw new AppError('OIDC_FAILED', 400, undefined, { detail: 'state' });
    if (providerError) throw new AppError('OIDC_FAILED', 400, undefined, { detail: providerError });
    const claims = await this.oidc
      .finish(callbackUrl, { state, nonce: round.nonce, verifier: this.vault.decrypt(round.verifier) })
      .catch((error: unknown) => {
        throw new AppError('OIDC_FAILED', 400, undefined, { detail: (error as Error).message });
      });
    return this.identity.bindVerified(await this.actorOf(round.account_id, ip), claims);
  }
}

function hashed(state: string, browserKey: string): string {
  return createHash('sha256').update(`${state}\n${browserKey}`).digest('hex');
}
