import type { IsoDate } from '@huimin/policy';
import type { Actor } from '../../auth/actor.js';
import { isInScope } from '../../regions/region-scope.js';
import type { ClassRow } from './class-repository.js';

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
  roster: string[];
}

export interface ClassView {
  id: string;
  number: string;
  institutionId: string;
  institutionName: string;
  demandItemId: string;
  occupation: string;
  level?: number;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  sessions: number;
  state: string;
  decisionReason?: string;
  trainees: { personId: string; name: string; idNumberMasked: string; attended: number; passed?: boolean; score?: number; certificate?: string }[];
  inspections: { inspectedOn: string; satisfactory: boolean; finding: string }[];
  /** What the caller may do next, so a screen offers only those: decide, attend, inspect, assess, complete, claim. */
  steps: ClassStep[];
}

export type ClassStep = 'decide' | 'attend' | 'inspect' | 'assess' | 'complete' | 'claim';

export type ClassState = 'applied' | 'approved' | 'rejected' | 'completed';

export interface ClassSummary {
  id: string;
  number: string;
  state: ClassState;
  startsOn: string;
  endsOn: string;
  regionCode: string;
  institutionId: string;
  institutionName: string;
  occupation: string;
  level?: number;
  trainees: number;
  certificates: number;
}

/** The steps the caller may take next: the same checks the steps make, so nothing is offered that would be refused. */
export function classSteps(actor: Actor, cls: ClassRow, today: IsoDate): ClassStep[] {
  const staff = actor.permissions.has('training:manage') && isInScope(actor.regionCode, cls.region_code);
  const ended = today >= cls.ends_on;
  const steps: ClassStep[] = [];
  if (cls.state === 'applied' && staff && cls.applied_by !== actor.accountId) steps.push('decide');
  if (cls.state === 'approved') {
    steps.push('attend');
    if (staff) steps.push('inspect');
    if (ended) steps.push('assess');
    if (ended && staff && cls.decided_by !== actor.accountId) steps.push('complete');
  }
  if (cls.state === 'completed' && staff && actor.permissions.has('application:create')) steps.push('claim');
  return steps;
}
