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
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { languageOf } from '../i18n/messages.js';

/** How the engine learns of settings another server process made: it asks at most this often. */
export interface PolicySettings {
  /** The local settings' version (they are only ever added to, so the newest id will do). */
  readonly version: (db: Kysely<Database>) => Promise<string>;
  /** Milliseconds between asking; 0 asks on every use. */
  readonly checkEveryMs: number;
}

/**
 * The policy engine with the text's parameters and the region's local settings from the database.
 * Built once, on first use, so a request never pays for it; built again when the settings change —
 * here (`reload`) or in another server process on the same database (seen within `checkEveryMs`).
 * The public policy list, the same for everyone who asks about a region and day, is kept per
 * version of the settings.
 */
export class PolicyService {
  private current: Promise<{ engine: PolicyEngine; version: string }> | undefined;
  private checkedAt = -Infinity;
  private readonly listings = new LRUCache<string, PolicyListing[]>({ max: 4_096 });
  private readonly serialized = new LRUCache<string, string>({ max: 4_096 });

  constructor(
    private readonly db: Kysely<Database>,
    /** The regions' own settings (parameters' `listLocalParameterValues`, wired by the composition root: parameters imports policies to rebuild the engine). */
    private readonly localValues: (db: Kysely<Database>) => Promise<readonly ParameterValue[]>,
    private readonly settings: PolicySettings = { version: async () => '', checkEveryMs: Infinity },
  ) {}

  async engine(): Promise<PolicyEngine> {
    return (await this.state()).engine;
  }

  private async state(): Promise<{ engine: PolicyEngine; version: string }> {
    const now = performance.now();
    if (this.current && now - this.checkedAt < this.settings.checkEveryMs) return this.current;
    this.checkedAt = now;
    // Once built, the check runs in the background and this use gets the engine it has: a caller
    // inside a transaction must never wait on a query of its own (the embedded database has one
    // connection, which the transaction holds).
    if (this.current) {
      const kept = this.current;
      void this.rebuildIfChanged().catch(() => undefined);
      return kept;
    }
    return this.rebuildIfChanged();
  }

  private async rebuildIfChanged(): Promise<{ engine: PolicyEngine; version: string }> {
    const version = await this.settings.version(this.db);
    const previous = this.current;
    const built = previous ? await previous.catch(() => undefined) : undefined;
    if (built?.version === version) return built;
    const building = this.localValues(this.db).then((local) => ({
      engine: new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...local]),
      version,
    }));
    if (!previous) {
      this.current = building;
      // A failed build is not kept: the next use tries again.
      building.catch(() => {
        if (this.current === building) this.current = undefined;
      });
    } else {
      // The engine in use is replaced only once the new one is built, never by a pending query.
      const value = await building;
      if (this.current === previous) {
        this.current = Promise.resolve(value);
        this.listings.clear();
        this.serialized.clear();
      }
      return value;
    }
    this.listings.clear();
    this.serialized.clear();
    return building;
  }

  /** Local settings changed: the next use builds the engine again from the database. */
  reload(): void {
    this.current = undefined;
    this.listings.clear();
    this.serialized.clear();
  }

  /**
   * The public list as the response body, serialised once per version, region and day by the
   * route's own serialiser (so the response schema still decides what is sent).
   */
  async listBody(region: RegionCode, date: IsoDate, serialise: (listing: PolicyListing[]) => string): Promise<string> {
    const { version } = await this.state();
    const key = `${version}|${region}|${date}`;
    const kept = this.serialized.get(key);
    if (kept !== undefined) return kept;
    const body = serialise(await this.list(region, date));
    if ((await this.current)?.version === version) this.serialized.set(key, body);
    return body;
  }

  async list(region: RegionCode, date: IsoDate): Promise<PolicyListing[]> {
    const { engine, version } = await this.state();
    const key = `${version}|${region}|${date}`;
    const kept = this.listings.get(key);
    if (kept) return kept;
    const listing = listPolicies(engine, region, date);
    // Only while the engine it came from is still the current one.
    if ((await this.current)?.engine === engine) this.listings.set(key, listing);
    return listing;
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
