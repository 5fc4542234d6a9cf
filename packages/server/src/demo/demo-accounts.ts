import type { Services } from '../app/build-app.js';
import type { Actor } from '../auth/actor.js';

/** Whom an applicant's account claims: a person by ID number, a unit by credit code. */
export type DemoIdentity =
  | { kind: 'person'; idNumber: string; name: string; regionCode: string }
  | { kind: 'organisation'; creditCode: string; name: string; regionCode: string };

/**
 * An applicant's own account as the platform makes one (decision 012): registered by the applicant,
 * then bound with the activation code the counter issued after seeing the ID card or the licence.
 * Returns the account as it acts once bound.
 */
export async function registerBound(
  services: Services,
  counter: Actor,
  account: { username: string; password: string },
  identity: DemoIdentity,
): Promise<Actor> {
  const registered = await services.accounts.register({ ...identity, ...account }, null);
  const activation = await services.identity.issueActivationCode(counter, identity);
  await services.identity.bind(await services.sessions.actorOf(registered.id, null), activation.code);
  return services.sessions.actorOf(registered.id, null);
}
