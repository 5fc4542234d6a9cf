import { citationIn } from '@huimin/policy';
import type { ApplicantFacts, ClaimFacts, Decision, PolicyEngine } from '@huimin/policy';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { ApplicationTable, Database, ReferenceKind } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { riskThreshold, type RiskThreshold } from '../parameters/server-parameters.js';
import type { Vault } from '../security/vault.js';
import {
  earlierHires as readEarlierHires,
  LIVE,
  pendingElsewhere as claimsPendingElsewhere,
  type StoredLists,
} from './claim-history.js';
import { latestSnapshotsWithRecords } from './reference-queries.js';
import { importReferenceSnapshot, listReferenceSnapshots, type SnapshotReport } from './reference-snapshots.js';
import { runChecks, type CheckInput, type Finding, type Snapshot, type Subject } from './checks.js';

/** The datasets every application is checked against, by the applicant's and listed people's keys. */
const CHECKED_DATASETS: readonly ReferenceKind[] = [
  'deaths',
  'civil-service-roster',
  'business-registry',
  'social-insurance',
];

/** A certificate's class as the risk checks read it, if the certificate was issued here. */
export type TrainingRiskFacts = (
  db: Kysely<Database> | Transaction<Database>,
  serial: string,
) => Promise<Omit<NonNullable<CheckInput['training']>, 'minAttendancePermille' | 'passRateClassSize'> | undefined>;

/**
 * Risk control (风控预警): reference snapshots from other departments, imported all or nothing, and
 * the checks run on an application when it is submitted and again before payment. Flags are kept:
 * a re-run supersedes the open flags of its stage (saying so), a reviewer clears a `review` flag
 * with a reason, and a `block` flag lifts only when a re-run against corrected data no longer
 * raises it.
 */
export class RiskService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    /** What training knows of a certificate issued here (training's `trainingRiskFacts`, wired by the composition root: training imports applications, which imports risk). */
    private readonly trainingFacts: TrainingRiskFacts,
  ) {}

  /** A dataset from another department (deaths, civil servants, business registry …), all or nothing. */
  importSnapshot(
    actor: Actor,
    kind: string,
    file: Buffer,
    meta: { takenOn: string; source: string },
  ): Promise<SnapshotReport> {
    return importReferenceSnapshot(this.db, this.vault, actor, kind, file, meta, this.clock.today());
  }

  /** The reference snapshots serving the actor's region or loaded below it, newest first. */
  async snapshots(actor: Actor): Promise<
    {
      id: string;
      kind: string;
      takenOn: string;
      source: string;
      rows: number;
      regionCode: string;
      importedAt: string;
    }[]
  > {
    const rows = await listReferenceSnapshots(this.db, actor.regionCode);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      takenOn: r.taken_on,
      source: r.source,
      rows: r.rows,
      regionCode: r.region_code,
      importedAt: r.imported_at.toISOString(),
    }));
  }

  /**
   * Runs every check for a stage and records the findings; earlier open flags of the stage are
   * superseded. `decided`: the engine's facts and decision at filing, for the check that counts the
   * person's claims still in process.
   */
  async assess(
    trx: Transaction<Database>,
    engine: PolicyEngine,
    app: Selectable<ApplicationTable>,
    stage: 'submit' | 'payment',
    decided?: { applicant: ApplicantFacts; claim: ClaimFacts; decision: Decision },
  ): Promise<Finding[]> {
    const claim = app.claim as StoredLists & { fromMonth?: string; toMonth?: string; certificateId?: string };
    const listed = [...(claim.hires ?? []), ...(claim.interns ?? []), ...(claim.workers ?? [])].map((x) => x.personId);
    const ids = [...(app.person_id ? [app.person_id] : []), ...listed];
    const people = ids.length
      ? await trx
          .selectFrom('person')
          .select(['id', 'id_number_hmac', 'name', 'bank_account_hmac', 'phone_hmac', 'address_hmac'])
          .where('id', 'in', ids)
          .execute()
      : [];
    const subjects: Subject[] = people.map((p) => ({
      subject: p.id_number_hmac,
      name: p.name,
      role: p.id === app.person_id ? 'applicant' : 'listed',
    }));
    const unit = app.organisation_id
      ? await trx
          .selectFrom('organisation')
          .select(['credit_code', 'bank_account_hmac'])
          .where('id', '=', app.organisation_id)
          .executeTakeFirst()
      : undefined;
    const keys = [...subjects.map((s) => s.subject), ...(unit ? [unit.credit_code] : [])];
    // Only a snapshot loaded for the application's region or above it speaks for it.
    const snapshots = await latestSnapshotsWithRecords(trx, CHECKED_DATASETS, keys, app.region_code);
    const snapshot = <T>(kind: ReferenceKind) => snapshots.get(kind) as Snapshot<T> | undefined;

    // The same person listed in another live application for the same subsidy and period.
    const duplicates: { subject: string; number: string }[] = [];
    const hashOf = new Map(people.map((p) => [p.id, p.id_number_hmac]));
    if (people.length > 0) {
      const ids = people.map((p) => p.id);
      const others = await trx
        .selectFrom('application')
        .select(['number', 'period_key', 'person_id', 'claim'])
        .where('subsidy_id', '=', app.subsidy_id)
        .where('id', '<>', app.id)
        .where('state', 'in', LIVE)
        .where((eb) =>
          eb.or([
            eb('person_id', 'in', ids),
            sql<boolean>`exists (select 1 from jsonb_array_elements(coalesce(claim->'hires', '[]') || coalesce(claim->'interns', '[]') || coalesce(claim->'workers', '[]')) x
                                  where x->>'personId' = any(${ids}::text[]))`,
          ]),
        )
        .execute();
      const overlaps = (key: string) =>
        key === app.period_key ||
        key === 'once' ||
        app.period_key === 'once' ||
        (key.startsWith('month:') && app.period_key.startsWith('month:'));
      for (const o of others.filter((x) => overlaps(x.period_key))) {
        const listedThere = [
          ...((o.claim as StoredLists).hires ?? []),
          ...((o.claim as StoredLists).interns ?? []),
          ...((o.claim as StoredLists).workers ?? []),
        ].map((x) => x.personId);
        for (const id of new Set([...(o.person_id ? [o.person_id] : []), ...listedThere])) {
          const subject = hashOf.get(id);
          if (subject) duplicates.push({ subject, number: o.number });
        }
      }
    }

    const today = this.clock.today();
    const threshold = (name: RiskThreshold) => riskThreshold(engine, name, app.region_code, today);
    // People registered with the same payee account, phone or address, against the region's limit.
    const self = app.person_id ? people.find((p) => p.id === app.person_id) : undefined;
    const shared = async (
      column: 'bank_account_hmac' | 'phone_hmac' | 'address_hmac',
      hash: string | null | undefined,
      limit: RiskThreshold,
    ) =>
      hash
        ? {
            holders: Number(
              (
                await trx
                  .selectFrom('person')
                  .select((eb) => eb.fn.countAll<string>().as('n'))
                  .where(column, '=', hash)
                  .executeTakeFirstOrThrow()
              ).n,
            ),
            max: threshold(limit),
          }
        : undefined;
    const sharedAccount = await shared(
      'bank_account_hmac',
      self ? self.bank_account_hmac : unit?.bank_account_hmac,
      'risk.shared-account-max',
    );
    const sharedPhone = await shared('phone_hmac', self?.phone_hmac, 'risk.shared-phone-max');
    const sharedAddress = await shared('address_hmac', self?.address_hmac, 'risk.shared-address-max');

    const pendingElsewhere =
      decided && app.person_id ? await claimsPendingElsewhere(trx, engine, app, decided, today) : undefined;
    const trainingFacts = claim.certificateId ? await this.trainingFacts(trx, claim.certificateId) : undefined;
    const training = trainingFacts && {
      ...trainingFacts,
      minAttendancePermille: threshold('risk.training-attendance-min-permille'),
      passRateClassSize: threshold('risk.training-pass-rate-class-size'),
    };
    const earlierHires =
      unit && app.organisation_id
        ? await readEarlierHires(trx, app.organisation_id, unit.credit_code, {
            months: threshold('risk.hires-left-months'),
            min: threshold('risk.hires-left-min'),
          })
        : undefined;

    const findings = runChecks({
      today,
      people: subjects,
      ...(unit ? { unitCode: unit.credit_code } : {}),
      claim,
      ...optional('deaths', snapshot<{ date: string }>('deaths')),
      ...optional('roster', snapshot<{ unit?: string }>('civil-service-roster')),
      ...optional('business', snapshot<{ status: string; deregisteredOn?: string }>('business-registry')),
      ...optional('insurance', snapshot<{ fromMonth: string; toMonth: string }>('social-insurance')),
      duplicates,
      ...(sharedAccount ? { sharedAccount } : {}),
      ...(sharedPhone ? { sharedPhone } : {}),
      ...(sharedAddress ? { sharedAddress } : {}),
      ...(pendingElsewhere ? { pendingElsewhere } : {}),
      ...(earlierHires ? { earlierHires } : {}),
      ...(training ? { training } : {}),
    });

    const now = this.clock.now();
    await trx
      .updateTable('risk_flag')
      .set({ cleared_at: now, clearance: '已由重新核查取代 / superseded by a re-check' })
      .where('application_id', '=', app.id)
      .where('stage', '=', stage)
      .where('cleared_at', 'is', null)
      .execute();
    // A reviewer who cleared a warning has decided on those facts: the same warning on the same
    // facts (its message states them) is not raised again at the next stage or the next release,
    // or an application with a cleared warning could never be paid. Changed facts raise it anew.
    const cleared = await trx
      .selectFrom('risk_flag')
      .select(['code', 'message_zh'])
      .where('application_id', '=', app.id)
      .where('severity', '=', 'review')
      .where('cleared_by', 'is not', null)
      .execute();
    const settled = new Set(cleared.map((c) => `${c.code}\n${c.message_zh}`));
    const raised = findings.filter((f) => f.severity !== 'review' || !settled.has(`${f.code}\n${f.message.zh}`));
    if (raised.length > 0) {
      await trx
        .insertInto('risk_flag')
        .values(
          raised.map((f) => ({
            application_id: app.id,
            stage,
            code: f.code,
            severity: f.severity,
            message_zh: f.message.zh,
            message_en: f.message.en,
            cites: f.cites,
            snapshot_id: f.snapshotId ?? null,
            raised_at: now,
          })),
        )
        .execute();
    }
    return raised;
  }

  /** Refuses an action that open flags stand in the way of. */
  async assertClear(
    trx: Transaction<Database>,
    applicationId: string,
    action: string,
    language: 'zh' | 'en',
  ): Promise<void> {
    const open = await trx
      .selectFrom('risk_flag')
      .select(['severity', 'message_zh', 'message_en', 'cites'])
      .where('application_id', '=', applicationId)
      .where('cleared_at', 'is', null)
      .execute();
    const say = (f: (typeof open)[number]) =>
      language === 'en' ? `${f.message_en} (${citationIn(f.cites, 'en-US')})` : `${f.message_zh}（${f.cites}）`;
    const list = (flags: typeof open) => flags.map(say).join(language === 'en' ? '; ' : '；');
    const blocks = open.filter((f) => f.severity === 'block');
    if (blocks.length > 0 && ['review', 'approve', 'release', 'pay'].includes(action))
      throw new AppError('RISK_BLOCKED', 409, 'action', { detail: list(blocks) });
    const reviews = open.filter((f) => f.severity === 'review');
    if (reviews.length > 0 && ['review', 'approve', 'release', 'pay'].includes(action))
      throw new AppError('RISK_REVIEW_REQUIRED', 409, 'action', { detail: list(reviews) });
  }

  /** A reviewer who checked a `review` warning clears it with the reason. */
  async clear(actor: Actor, applicationId: string, flagId: string, reason: string, regionCode: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('risk_flag')
        .set({ cleared_at: this.clock.now(), cleared_by: actor.accountId, clearance: reason })
        .where('id', '=', flagId)
        .where('application_id', '=', applicationId)
        .where('severity', '=', 'review')
        .where('cleared_at', 'is', null)
        .executeTakeFirst();
      if (done.numUpdatedRows === 0n) throw new AppError('FLAG_NOT_FOUND', 404);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'risk-flag.cleared',
        entityType: 'application',
        entityId: applicationId,
        regionCode,
        after: { flag: flagId, reason },
      });
    });
  }
}

function optional<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, T>);
}
