import type { IsoDate, PolicyEngine } from '@huimin/policy';
import type { Step } from './workflow.js';

/**
 * Time limits in working days. The texts require limits to be published (181号 第二十三条) but leave
 * the figures to each region; these defaults follow common bureau practice (FACTS.md: about 5
 * working days a step, publicity 5 or 7) and a region overrides them as local parameters
 * (`procedure.<step>-working-days`, `procedure.publicity-working-days`).
 */
const DEFAULT_STEP_DAYS: Record<Step, number> = { application: 5, acceptance: 5, review: 5, approval: 5, payment: 10 };
const DEFAULT_PUBLICITY_DAYS = 5;

export function stepTimeLimit(engine: PolicyEngine, step: Step, region: string, date: IsoDate): number {
  return engine.parameters.resolve(`procedure.${step}-working-days`, region, date)?.value ?? DEFAULT_STEP_DAYS[step];
}

export function publicityWorkingDays(engine: PolicyEngine, region: string, date: IsoDate): number {
  return engine.parameters.resolve('procedure.publicity-working-days', region, date)?.value ?? DEFAULT_PUBLICITY_DAYS;
}

/**
 * 公示期满: publicity runs to the end of its last day, so a claim may be released from the day after.
 * The worklist's filter and the queue's count ask the database the same (`publicity_ends_on < today`).
 */
export function publicityOver(endsOn: string | null, today: IsoDate): boolean {
  return endsOn !== null && endsOn < today;
}
