import type { Application } from './schema.js';

type ApplicationState = Application['state'];

/**
 * The workflow's states in its order (the server's `STATES`, applications/workflow.ts). The API's
 * types hold only the set, not an order or values to list at run time, so the order is written
 * here; the compiler holds the list to the API's set both ways.
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'not-accepted',
  'accepted',
  'reviewed',
  'approved',
  'rejected',
  'publicised',
  'payable',
  'paid',
  'withdrawn',
  'revoked',
] as const satisfies readonly ApplicationState[];

/** `true` only while every state of the API is listed above: a state added to the server fails to compile here. */
export const EVERY_STATE_LISTED: [Exclude<ApplicationState, (typeof APPLICATION_STATES)[number]>] extends [never]
  ? true
  : never = true;
