import type { Permission } from './roles.js';

/** Who is calling: the account behind the session, with what it needs for access decisions. */
export interface Actor {
  readonly accountId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<Permission>;
  /** Staff see this region and the regions below it; applicants, their own records only. */
  readonly regionCode: string;
  /** The registry person behind the account, if any: the applicant, or a member of staff. */
  readonly personId: string | null;
  readonly householdId: string | null;
  readonly organisationId: string | null;
  readonly ip: string | null;
}

/** Where an action comes from, for the audit trail: a person, or the system itself (seed, jobs). */
export type AuditActor = Pick<Actor, 'accountId' | 'displayName' | 'roles' | 'ip'> | null;

/** An id no row has: narrows a query to nothing for an actor without a registry person or unit. */
export const NO_ONE = '00000000-0000-0000-0000-000000000000';
