import type { ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { isoInstant } from '../db/json-rows.js';
import type { Database } from '../db/schema.js';

/** A risk flag (风险提示) as an application's view shows it. */
export interface FlagView {
  id: string;
  stage: string;
  code: string;
  severity: string;
  message: { zh: string; en: string };
  cites: string;
  raisedAt: string;
  clearedAt?: string;
  clearance?: string;
}

/**
 * An application's flags, oldest first, as a column of the statement that reads the application:
 * its view is one round trip, not one per part (issue 21's filing p99).
 */
export function flagsOfApplication(eb: ExpressionBuilder<Database, 'application'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('risk_flag')
      // bigserial: as text, as the driver reads it outside JSON.
      .select((f) => [
        f.cast<string>('risk_flag.id', 'text').as('id'),
        'risk_flag.stage',
        'risk_flag.code',
        'risk_flag.severity',
        'risk_flag.message_zh',
        'risk_flag.message_en',
        'risk_flag.cites',
        'risk_flag.raised_at',
        'risk_flag.cleared_at',
        'risk_flag.clearance',
      ])
      .whereRef('risk_flag.application_id', '=', 'application.id')
      .orderBy('risk_flag.id'),
  );
}

type FlagRow = NonNullable<ReturnType<typeof flagsOfApplication>['expressionType']>[number];

export function flagViews(rows: readonly FlagRow[]): FlagView[] {
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    code: r.code,
    severity: r.severity,
    message: { zh: r.message_zh, en: r.message_en },
    cites: r.cites,
    raisedAt: isoInstant(r.raised_at),
    ...(r.cleared_at ? { clearedAt: isoInstant(r.cleared_at), clearance: r.clearance ?? '' } : {}),
  }));
}
