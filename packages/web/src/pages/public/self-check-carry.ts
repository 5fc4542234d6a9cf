import type { Declaration } from '../applicant/declaration-fields.js';

/** What the self-check carries into an application: the claim's fields and what the person declares. */
export interface Carried {
  subsidy: string;
  claim: { businessCreditCode?: string };
  declarations: Declaration[];
}

const KEY = 'huimin.selfCheck.carry';

/** Kept for this browser tab only, through a login if one comes between. */
export function carryIntoApplication(carried: Carried): void {
  sessionStorage.setItem(KEY, JSON.stringify(carried));
}

/** The carried answers for this subsidy, if the self-check sent the person here. */
export function carriedFor(subsidy: string | undefined): Carried | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw || !subsidy) return undefined;
  const carried = JSON.parse(raw) as Carried;
  return carried.subsidy === subsidy ? carried : undefined;
}

/** Once the application is filed, the answers have done their work. */
export function clearCarried(): void {
  sessionStorage.removeItem(KEY);
}
