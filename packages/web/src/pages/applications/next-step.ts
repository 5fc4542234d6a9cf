import type { Application } from '../../api/schema.js';

/** How the applicant's note reads: calm while the bureau works, a warning when they must act, red when refused. */
export type NextStepTone = 'info' | 'success' | 'warning' | 'error';

export interface NextStep {
  /** The sentence under `nextStep.states`: where the claim stands and what happens next. */
  state: Application['state'];
  tone: NextStepTone;
  /** The bureau's own words for a refusal, a revocation or a return, as recorded with the action. */
  reason?: string;
  /** The date the current step is due by (办理时限), while the bureau has the claim. */
  dueOn?: string;
  /** The last day of publicity (公示), while the claim is publicised. */
  publicityEndsOn?: string;
}

const TONES: Record<Application['state'], NextStepTone> = {
  draft: 'info',
  submitted: 'info',
  returned: 'warning',
  'not-accepted': 'error',
  accepted: 'info',
  reviewed: 'info',
  approved: 'info',
  rejected: 'error',
  publicised: 'info',
  payable: 'info',
  paid: 'success',
  withdrawn: 'info',
  revoked: 'error',
};

/** The action that put a claim in a state whose reason the applicant is owed (the reason is required for each). */
const REASONED: Partial<Record<Application['state'], string>> = {
  'not-accepted': 'not-accept',
  rejected: 'reject',
  revoked: 'revoke',
  returned: 'return',
};

/** States in which the bureau has the claim and a working-day deadline runs. */
const WAITING: ReadonlySet<Application['state']> = new Set(['submitted', 'accepted', 'reviewed']);

/**
 * What an applicant is told under their claim's state: the state in words, why (for a refusal:
 * the bureau's reason, and that they may seek 行政复议 or sue), and what happens next. A state tag
 * alone ("未通过") left a person with neither.
 */
export function nextStepOf(application: Pick<Application, 'state' | 'dueOn' | 'publicityEndsOn' | 'events'>): NextStep {
  const { state } = application;
  const step: NextStep = { state, tone: TONES[state] };
  const action = REASONED[state];
  // A return is shown with its reason in the correction card above; only refusals carry it here.
  if (action && state !== 'returned') {
    const reason = [...(application.events ?? [])].reverse().find((e) => e.action === action)?.reason;
    if (reason) step.reason = reason;
  }
  if (WAITING.has(state) && application.dueOn) step.dueOn = application.dueOn;
  if (state === 'publicised' && application.publicityEndsOn) step.publicityEndsOn = application.publicityEndsOn;
  return step;
}
