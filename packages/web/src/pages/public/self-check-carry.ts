import type { Declaration } from '../applicant/declaration-fields.js';

/** What the self-check carries into an application: the claim's fields and what the person declares. */
export interface Carried {
  subsidy: string;
  claim: { businessCreditCode?: string };
  declarations: Declaration[];
  /**
   * A graduation still to come (毕业年度的在校生): the self-check counts it, but it cannot be declared
   * (no diploma exists yet); the school's graduate records are what confirm it, so the application
   * says so instead of carrying a declaration filing would refuse.
   */
  graduationAhead?: string;
}

const KEY = 'huimin.selfCheck.carry';

/**
 * What the self-check's answers carry into an application for `subsidy`: the business's code, and
 * the graduation as a declaration if it has happened by `today` (else as `graduationAhead`).
 */
export function carriedAnswers(
  subsidy: string,
  answers: { businessCode?: string; graduationDate?: string; institution?: 'university' | 'technical-college' },
  today: string,
): Carried {
  const code = answers.businessCode?.trim().toUpperCase();
  const graduation = answers.graduationDate;
  const ahead = graduation !== undefined && graduation > today;
  return {
    subsidy,
    claim: code ? { businessCreditCode: code } : {},
    ...(ahead ? { graduationAhead: graduation } : {}),
    declarations:
      graduation && !ahead
        ? [{ kind: 'graduation', data: { date: graduation, institution: answers.institution ?? 'university' } }]
        : [],
  };
}

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
