import type { Permission } from '../auth/roles.js';

/**
 * The life of an application (申请→受理→审核→复核→公示→拨付), as data. Each action names the states it
 * may start from, where it leads, the permission it needs, the step it belongs to (one person acts
 * at one step of an application only: 181号 第二十五条), whether a reason is required, and whether
 * the policy engine decides again at that moment. Pure: the service applies it.
 */
export const STATES = [
  'draft',
  'submitted',
  'returned',
  'not-accepted',
  'accepted',
  'reviewed',
  'approved',
  'rejected',
  'publicised',
  'payable',
  'paid',
  'withdrawn',
  'revoked',
] as const;
export type ApplicationState = (typeof STATES)[number];

/** What people do to an application over the API. */
export const ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'accept',
  'not-accept',
  'return',
  'review',
  'reject',
  'approve',
  'publicise',
  'object',
  'release',
  'pay',
  'bounce',
  'revoke',
] as const;
/**
 * What only the system does: `prepare` files an application the region marked as needing none
 * (免申即享) and sends it straight to review. It is never accepted over the API, so no one can skip
 * acceptance for a claim a person filed. `lapse` returns an application whose 容缺 promise was not
 * kept by its deadline (deferred-materials.ts); no account takes it, so no permission admits it.
 */
export const SYSTEM_ACTIONS = ['prepare', 'lapse'] as const;
export type Action = (typeof ACTIONS)[number] | (typeof SYSTEM_ACTIONS)[number];

/** The stages staff act at; the applicant's own actions are the `application` step. */
export type Step = 'application' | 'acceptance' | 'review' | 'approval' | 'payment';

/** Each step by its name, for a refusal that names the step one already acted at (SOD_TWO_STEPS). */
export const STEP_NAMES: Record<Step, { readonly zh: string; readonly en: string }> = {
  application: { zh: '申请', en: 'application' },
  acceptance: { zh: '受理', en: 'acceptance' },
  review: { zh: '审核', en: 'review' },
  approval: { zh: '审批', en: 'approval' },
  payment: { zh: '拨付', en: 'payment' },
};

/** The `step` of a SOD_TWO_STEPS refusal, in the caller's language. */
export function stepValue(step: string): Record<string, string> {
  const name = STEP_NAMES[step as Step] ?? { zh: step, en: step };
  return { 'step.zh-CN': name.zh, 'step.en-US': name.en };
}

export interface TransitionRule {
  readonly action: Action;
  readonly from: readonly ApplicationState[];
  readonly to: ApplicationState;
  /** Any one of these admits the actor. */
  readonly permissions: readonly Permission[];
  readonly step: Step;
  readonly reasonRequired: boolean;
  /** Run the policy engine and keep its decision with the event. */
  readonly decides: boolean;
}

const APPLICANT_SIDE: readonly Permission[] = ['application:own', 'application:create'];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    permissions: APPLICANT_SIDE,
    step: 'application',
    reasonRequired: false,
    decides: true,
  },
  // Filing counts as the application step: whoever starts the sweep never reviews what it filed.
  {
    action: 'prepare',
    from: ['draft'],
    to: 'accepted',
    permissions: ['sweep:run'],
    step: 'application',
    reasonRequired: false,
    decides: true,
  },
  {
    action: 'resubmit',
    from: ['returned'],
    to: 'submitted',
    permissions: APPLICANT_SIDE,
    step: 'application',
    reasonRequired: false,
    decides: true,
  },
  {
    action: 'withdraw',
    from: ['draft', 'submitted', 'returned', 'accepted'],
    to: 'withdrawn',
    permissions: APPLICANT_SIDE,
    step: 'application',
    reasonRequired: true,
    decides: false,
  },
  // 受理: complete and in order → accepted; not within the policy → not accepted; incomplete → 补正.
  {
    action: 'accept',
    from: ['submitted'],
    to: 'accepted',
    permissions: ['application:accept'],
    step: 'acceptance',
    reasonRequired: false,
    decides: true,
  },
  {
    action: 'not-accept',
    from: ['submitted'],
    to: 'not-accepted',
    permissions: ['application:accept'],
    step: 'acceptance',
    reasonRequired: true,
    decides: true,
  },
  {
    action: 'return',
    from: ['submitted'],
    to: 'returned',
    permissions: ['application:accept'],
    step: 'acceptance',
    reasonRequired: true,
    decides: false,
  },
  // 容缺受理: the materials promised were not supplied by the deadline; back to the applicant.
  {
    action: 'lapse',
    from: ['submitted', 'accepted', 'reviewed'],
    to: 'returned',
    permissions: [],
    step: 'acceptance',
    reasonRequired: true,
    decides: false,
  },
  // 审核
  {
    action: 'review',
    from: ['accepted'],
    to: 'reviewed',
    permissions: ['application:review'],
    step: 'review',
    reasonRequired: false,
    decides: true,
  },
  {
    action: 'reject',
    from: ['accepted'],
    to: 'rejected',
    permissions: ['application:review'],
    step: 'review',
    reasonRequired: true,
    decides: true,
  },
  // 复核, then 公示 where the subsidy publishes before payment, then release to finance.
  {
    action: 'approve',
    from: ['reviewed'],
    to: 'approved',
    permissions: ['application:approve'],
    step: 'approval',
    reasonRequired: false,
    decides: true,
  },
  {
    action: 'reject',
    from: ['reviewed', 'approved', 'publicised'],
    to: 'rejected',
    permissions: ['application:approve'],
    step: 'approval',
    reasonRequired: true,
    decides: true,
  },
  {
    action: 'publicise',
    from: ['approved'],
    to: 'publicised',
    permissions: ['application:approve'],
    step: 'approval',
    reasonRequired: false,
    decides: false,
  },
  // An objection during publicity sends the claim back to review (公示异议).
  {
    action: 'object',
    from: ['publicised'],
    to: 'accepted',
    permissions: ['application:approve'],
    step: 'approval',
    reasonRequired: true,
    decides: false,
  },
  {
    action: 'release',
    from: ['approved', 'publicised'],
    to: 'payable',
    permissions: ['application:approve'],
    step: 'approval',
    reasonRequired: false,
    decides: false,
  },
  // 拨付
  {
    action: 'pay',
    from: ['payable'],
    to: 'paid',
    permissions: ['application:pay'],
    step: 'payment',
    reasonRequired: false,
    decides: false,
  },
  // The bank sends a payment back after it was made (card cancelled, account closed): the money
  // returns to the commitment and the application waits for a corrected account (退票).
  {
    action: 'bounce',
    from: ['paid'],
    to: 'payable',
    permissions: ['application:pay'],
    step: 'payment',
    reasonRequired: true,
    decides: false,
  },
  // Found wrongly paid: revoked and the money recovered (追回, 181号 第二十九条).
  {
    action: 'revoke',
    from: ['paid'],
    to: 'revoked',
    permissions: ['application:approve'],
    step: 'approval',
    reasonRequired: true,
    decides: false,
  },
];

/** The rule for an action from a state, or undefined when the action is not possible there. */
export function transitionFor(action: Action, from: ApplicationState): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}

/** Actions possible from a state for someone holding these permissions (for screens and queues). */
export function actionsAvailable(state: ApplicationState, permissions: ReadonlySet<Permission>): Action[] {
  return TRANSITIONS.filter((t) => t.from.includes(state) && t.permissions.some((p) => permissions.has(p))).map(
    (t) => t.action,
  );
}

export const TERMINAL_STATES: readonly ApplicationState[] = ['not-accepted', 'rejected', 'withdrawn', 'revoked'];

/** States a time limit runs in, and the step whose limit applies. */
export const STEP_OF_STATE: Partial<Record<ApplicationState, Step>> = {
  submitted: 'acceptance',
  accepted: 'review',
  reviewed: 'approval',
  payable: 'payment',
};

export const STATE_NAMES: Record<ApplicationState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交待受理', en: 'submitted' },
  returned: { zh: '退回补正', en: 'returned for correction' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  accepted: { zh: '已受理待审核', en: 'accepted' },
  reviewed: { zh: '已审核待复核', en: 'reviewed' },
  approved: { zh: '已复核', en: 'approved' },
  rejected: { zh: '未通过', en: 'rejected' },
  publicised: { zh: '公示中', en: 'in publicity' },
  payable: { zh: '待拨付', en: 'ready for payment' },
  paid: { zh: '已拨付', en: 'paid' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
  revoked: { zh: '已撤销并追回', en: 'revoked' },
};

export const ACTION_NAMES: Record<Action, { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'submitted' },
  prepare: {
    zh: '免申即享：系统依数据生成申请并转入审核',
    en: 'filed by the system from registry data (no application needed)',
  },
  resubmit: { zh: '补正后重新提交', en: 'resubmitted' },
  withdraw: { zh: '撤回', en: 'withdrawn' },
  accept: { zh: '受理', en: 'accepted' },
  'not-accept': { zh: '不予受理', en: 'refused acceptance' },
  return: { zh: '退回补正', en: 'returned for correction' },
  lapse: { zh: '容缺材料逾期未补齐，退回补正', en: 'returned: promised materials not supplied in time' },
  review: { zh: '审核通过', en: 'passed review' },
  reject: { zh: '驳回', en: 'rejected' },
  approve: { zh: '复核通过', en: 'approved' },
  publicise: { zh: '公示', en: 'publicised' },
  object: { zh: '公示异议退回审核', en: 'sent back on objection' },
  release: { zh: '转入待拨付', en: 'released for payment' },
  pay: { zh: '拨付', en: 'paid' },
  bounce: { zh: '银行退回', en: 'returned by the bank' },
  revoke: { zh: '撤销并追回', en: 'revoked' },
};
