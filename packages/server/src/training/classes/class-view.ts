import { daysInclusive, type IsoDate } from '@huimin/policy';
import type { Static } from 'typebox';
import type { Actor } from '../../auth/actor.js';
import { inBoth } from '../../http/errors.js';
import { isInScope } from '../../regions/region-scope.js';
import type { ClassRow } from './class-repository.js';
import type { ClassStateSchema, ClassSummarySchema, ClassViewSchema } from './classes.schemas.js';

/** What an opening application (开班申请) carries. */
export interface ClassInput {
  institutionId: string;
  demandItemId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  sessions: number;
  teachingPlan: string;
  teachers: { name: string; qualification: string }[];
  resources: string[];
  assessmentPlan: string;
  /** 培训学员名册: trainees by real name and ID number, each in the registry. */
  roster: { idNumber: string; name: string }[];
}

/** A class with its trainees and inspections; `steps` is what the caller may do next, so a screen offers only those. */
export type ClassView = Static<typeof ClassViewSchema>;

export type ClassStep = ClassView['steps'][number];

export type ClassState = Static<typeof ClassStateSchema>;

/** A class in a list: the route's schema, with its state narrowed to the four a class can be in. */
export type ClassSummary = Static<typeof ClassSummarySchema> & { state: ClassState };

/** The steps the caller may take next: the same checks the steps make, so nothing is offered that would be refused. */
/** Approved, and its first day not yet come: no session has been held, so none is checked in to. */
export function notStarted(cls: Pick<ClassRow, 'state' | 'starts_on'>, today: IsoDate): boolean {
  return cls.state === 'approved' && today < cls.starts_on;
}

/**
 * The last session whose check-ins may be taken today (实名制: attendance is recorded as the class
 * runs). The sessions spread over the class's days, so by a day the class may have held its share
 * of them and no more: a class of 10 sessions over 24 days may have held one by its first day and
 * all of them by its last. Check-ins taken late are allowed; ahead of the class, never.
 */
export function lastSessionBy(cls: Pick<ClassRow, 'starts_on' | 'ends_on' | 'sessions'>, today: IsoDate): number {
  const days = daysInclusive(cls.starts_on, cls.ends_on);
  const held = Math.min(days, daysInclusive(cls.starts_on, today));
  return Math.min(cls.sessions, Math.ceil((cls.sessions * held) / days));
}

export function classSteps(actor: Actor, cls: ClassRow, today: IsoDate): ClassStep[] {
  const staff = actor.permissions.has('training:manage') && isInScope(actor.regionCode, cls.region_code);
  const ended = today >= cls.ends_on;
  const steps: ClassStep[] = [];
  if (cls.state === 'applied' && staff && cls.applied_by !== actor.accountId) steps.push('decide');
  if (cls.state === 'approved') {
    if (!notStarted(cls, today)) steps.push('attend');
    if (staff) steps.push('inspect');
    if (ended) steps.push('assess');
    if (ended && staff && cls.decided_by !== actor.accountId) steps.push('complete');
  }
  if (cls.state === 'completed' && staff && actor.permissions.has('application:create')) steps.push('claim');
  return steps;
}

/** A class's state as the page names it (trainingClass.states), for a refusal to say it in words. */
const CLASS_STATE_NAMES: Record<ClassState, readonly [zh: string, en: string]> = {
  applied: ['待审批', 'awaiting approval'],
  approved: ['已开班', 'approved'],
  rejected: ['未批准', 'not approved'],
  completed: ['已结业', 'completed'],
};

/** The `value` of a CLASS_STATE refusal: the state in the caller's language. */
export function classStateValue(state: string): Record<string, string> {
  const [zh, en] = CLASS_STATE_NAMES[state as ClassState] ?? [state, state];
  return inBoth('value', zh, en);
}
