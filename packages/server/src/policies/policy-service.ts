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
import { localWriteCount } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { FreshRead } from '../http/fresh-read.js';
import { PublicResponses, type PublicBody } from '../http/public-response.js';
import { languageOf } from '../i18n/messages.js';
import { fieldLabel } from '../i18n/field-labels.js';

/** How the engine learns of settings another server process made: it asks at most this often. */
export interface PolicySettings {
  /** The local settings' version (they are only ever added to, so the newest id will do). */
  readonly version: (db: Kysely<Database>) => Promise<string>;
  /** Milliseconds between asking; 0 asks on every use. */
  readonly checkEveryMs: number;
  /**
   * The version as of each call, shared with the calls waiting at the same time (`publicVersions`,
   * one statement with the disclosure list's version); `version` through a `FreshRead` of its own
   * when absent.
   */
  readonly versionNow?: () => Promise<string>;
}

/** The engine and the version of the local settings it was built from. */
interface Built {
  readonly engine: PolicyEngine;
  /** The regions' own settings it was built from (a worker thread builds the same engine from them). */
  readonly local: readonly ParameterValue[];
  readonly version: string;
}

/**
 * The policy engine with the text's parameters and the region's local settings from the database.
 * Built once, on first use, so a request never pays for it; built again when the settings change —
 * here (`reload`) or in another server process on the same database (seen within `checkEveryMs`,
 * or at once by `listBody`, which reads the version for each request).
 */
export class PolicyService {
  /** The engine in use; replaced only once a newer one is built, never by a pending query. */
  private built: Built | undefined;
  private building: { readonly version: string; readonly built: Promise<Built> } | undefined;
  /** Bumped by `reload`, so an engine whose build began before it is not put in use after it. */
  private generation = 0;
  private checkedAt = -Infinity;
  private readonly listings = new LRUCache<string, PolicyListing[]>({ max: 4_096 });
  private readonly answers = new PublicResponses();
  /** The settings' version as of each public request, one query for all the requests waiting on it. */
  private readonly versionNow: () => Promise<string>;

  constructor(
    private readonly db: Kysely<Database>,
    /** The regions' own settings (parameters' `listLocalParameterValues`, wired by the composition root: parameters imports policies to rebuild the engine). */
    private readonly localValues: (db: Kysely<Database>) => Promise<readonly ParameterValue[]>,
    private readonly settings: PolicySettings = { version: async () => '', checkEveryMs: Infinity },
  ) {
    const own = new FreshRead(() => this.settings.version(this.db), localWriteCount(this.db));
    this.versionNow = this.settings.versionNow ?? (() => own.read());
  }

  async engine(): Promise<PolicyEngine> {
    return (await this.state()).engine;
  }

  /** The engine and the regions' own settings it was built from, for deciding in another thread. */
  async engineWithSettings(): Promise<{ engine: PolicyEngine; local: readonly ParameterValue[] }> {
    const { engine, local } = await this.state();
    return { engine, local };
  }

  private async state(): Promise<Built> {
    const now = performance.now();
    if (this.built && now - this.checkedAt < this.settings.checkEveryMs) return this.built;
    this.checkedAt = now;
    // Once built, the check runs in the background and this use gets the engine it has: a caller
    // inside a transaction must never wait on a query of its own (the embedded database has one
    // connection, which the transaction holds).
    if (this.built) {
      void this.settings
        .version(this.db)
        .then((version) => this.at(version))
        .catch(() => undefined);
      return this.built;
    }
    return this.at(await this.settings.version(this.db));
  }

  /**
   * The engine for the settings at `version`: the one in use if it is that version, else built from
   * settings read after the version was (so it has at least what the version counts), once however
   * many ask at the same time. A failed build is not kept: the next use tries again.
   */
  private async at(version: string): Promise<Built> {
    if (this.built?.version === version) return this.built;
    if (this.building?.version === version) return this.building.built;
    const generation = this.generation;
    const built = this.localValues(this.db).then((local) => ({
      engine: new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...local]),
      local,
      version,
    }));
    this.building = { version, built };
    try {
      const value = await built;
      if (generation === this.generation) this.built = value;
      return value;
    } finally {
      if (this.building?.built === built) this.building = undefined;
    }
  }

  /** Local settings changed: the next use builds the engine again from the database. */
  reload(): void {
    this.generation += 1;
    this.built = undefined;
    this.building = undefined;
    this.listings.clear();
    this.answers.clear();
  }

  /**
   * The engine as of this call, for a public read outside any transaction: the settings' version is
   * read now (shared with the requests waiting at the same time) and the engine rebuilt if another
   * process changed them. Never inside a transaction: it waits on a query. `version`, when given,
   * was read the same way by the caller (`publicVersions`).
   */
  async fresh(version?: string): Promise<Built> {
    return this.at(version ?? (await this.versionNow()));
  }

  /**
   * The public list as the response body, serialised once per settings version, region and day by
   * the route's own serialiser (so the response schema still decides what is sent). The version is
   * read for each request, so a setting made through any server process shows in the next answer.
   */
  async listBody(
    region: RegionCode,
    date: IsoDate,
    serialise: (listing: PolicyListing[]) => string,
  ): Promise<PublicBody> {
    const { engine, version } = await this.fresh();
    return this.answers.get(`${version}|${region}|${date}`, async () =>
      serialise(this.listOf(engine, version, region, date)),
    );
  }

  async list(region: RegionCode, date: IsoDate): Promise<PolicyListing[]> {
    const { engine, version } = await this.state();
    return this.listOf(engine, version, region, date);
  }

  private listOf(engine: PolicyEngine, version: string, region: RegionCode, date: IsoDate): PolicyListing[] {
    const key = `${version}|${region}|${date}`;
    const kept = this.listings.get(key);
    if (kept) return kept;
    const listing = listPolicies(engine, region, date);
    this.listings.set(key, listing);
    return listing;
  }

  /** Decides one subsidy or all open to the applicant; bad facts are refused, naming each field. */
  async evaluate(input: DecideRequest, acceptLanguage?: string): Promise<Decision[]> {
    const outcome = decideRequest(await this.engine(), input);
    if (outcome.kind === 'unknown-subsidy')
      throw new AppError('UNKNOWN_SUBSIDY', 404, 'subsidy', { value: outcome.subsidy });
    if (outcome.kind === 'invalid-facts') {
      const language = languageOf(acceptLanguage);
      const english = language === 'en-US';
      const details = outcome.errors.map((e) => ({
        field: e.field,
        code: e.code,
        message: english ? e.message.en : e.message.zh,
      }));
      // Each field as a person calls it (身份证号码, not applicant.idNumber).
      const detail = details
        .map((d) => `${fieldLabel(d.field.replace(/^applicant\./, ''), language)}${english ? ': ' : '：'}${d.message}`)
        .join(english ? '; ' : '；');
      throw new AppError('INVALID_FACTS', 422, details[0]?.field, { detail }, details);
    }
    return outcome.decisions;
  }
}
