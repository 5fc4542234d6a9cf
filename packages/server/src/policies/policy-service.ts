import {
  CATALOGUE,
  decideRequest,
  listPolicies,
  PolicyEngine,
  TEXT_PARAMETERS,
  type DecideRequest,
  type Decision,
  type IsoDate,
  type ParameterValue,
  type PolicyListing,
  type RegionCode,
} from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { languageOf } from '../i18n/messages.js';

/**
 * The policy engine with the text's parameters and the region's local settings from the database.
 * Built once, on first use, so a request never pays for it.
 */
export class PolicyService {
  private current: Promise<PolicyEngine> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    /** The regions' own settings (parameters' `listLocalParameterValues`, wired by the composition root: parameters imports policies to rebuild the engine). */
    private readonly localValues: (db: Kysely<Database>) => Promise<readonly ParameterValue[]>,
  ) {}

  engine(): Promise<PolicyEngine> {
    this.current ??= this.localValues(this.db).then(
      (local) => new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...local]),
    );
    return this.current;
  }

  /** Local settings changed: the next use builds the engine again from the database. */
  reload(): void {
    this.current = undefined;
  }

  async list(region: RegionCode, date: IsoDate): Promise<PolicyListing[]> {
    return listPolicies(await this.engine(), region, date);
  }

  /** Decides one subsidy or all open to the applicant; bad facts are refused, naming each field. */
  async evaluate(input: DecideRequest, acceptLanguage?: string): Promise<Decision[]> {
    const outcome = decideRequest(await this.engine(), input);
    if (outcome.kind === 'unknown-subsidy')
      throw new AppError('UNKNOWN_SUBSIDY', 404, 'subsidy', { value: outcome.subsidy });
    if (outcome.kind === 'invalid-facts') {
      const english = languageOf(acceptLanguage) === 'en-US';
      const details = outcome.errors.map((e) => ({
        field: e.field,
        code: e.code,
        message: english ? e.message.en : e.message.zh,
      }));
      throw new AppError(
        'INVALID_FACTS',
        422,
        details[0]?.field,
        { detail: details.map((d) => `${d.field}: ${d.message}`).join('；') },
        details,
      );
    }
    return outcome.decisions;
  }
}
