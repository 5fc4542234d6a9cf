import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from '../../api/application-states.js';
import type { Application } from '../../api/schema.js';
import { nextStepEn } from '../../i18n/next-step.en.js';
import { nextStepZh } from '../../i18n/next-step.js';
import { nextStepOf } from './next-step.js';

type Event = NonNullable<Application['events']>[number];

function event(action: string, toState: string, reason?: string): Event {
  return {
    seq: 1,
    action,
    actionName: { zh: action, en: action },
    toState,
    actor: '李明',
    actorRoles: ['reviewer'],
    at: '2026-12-05T10:00:00+08:00',
    ...(reason ? { reason } : {}),
  };
}

describe('what an applicant is told under their claim', () => {
  it('a rejected claim: the reviewer’s reason, in red, and the way to contest it', () => {
    const step = nextStepOf({
      state: 'rejected',
      dueOn: '2026-12-11',
      events: [
        event('submit', 'submitted'),
        event('accept', 'accepted'),
        event('reject', 'rejected', '营业执照已注销'),
      ],
    });
    expect(step).toEqual({ state: 'rejected', tone: 'error', reason: '营业执照已注销' });
    expect(nextStepZh.states.rejected).toContain('行政复议');
  });

  it('not accepted: the reason of the refusal, not of an earlier return', () => {
    const step = nextStepOf({
      state: 'not-accepted',
      events: [
        event('return', 'returned', '缺少毕业证书'),
        event('resubmit', 'submitted'),
        event('not-accept', 'not-accepted', '不属于本地区受理范围'),
      ],
    });
    expect(step.reason).toBe('不属于本地区受理范围');
  });

  it('while the bureau has it: the date it is due by; once decided, none', () => {
    expect(nextStepOf({ state: 'submitted', dueOn: '2026-12-11', events: [] })).toEqual({
      state: 'submitted',
      tone: 'info',
      dueOn: '2026-12-11',
    });
    expect(nextStepOf({ state: 'reviewed', dueOn: '2026-12-20' }).dueOn).toBe('2026-12-20');
    expect(nextStepOf({ state: 'paid', dueOn: '2026-12-11' }).dueOn).toBeUndefined();
  });

  it('publicised: the last day of publicity', () => {
    expect(nextStepOf({ state: 'publicised', publicityEndsOn: '2026-12-18' }).publicityEndsOn).toBe('2026-12-18');
  });

  it('returned: a warning, its reason left to the correction card above', () => {
    const step = nextStepOf({ state: 'returned', events: [event('return', 'returned', '缺少毕业证书')] });
    expect(step).toEqual({ state: 'returned', tone: 'warning' });
  });

  it('every state has its words in both languages, the Chinese without English and the English without Chinese', () => {
    for (const state of APPLICATION_STATES) {
      expect(nextStepZh.states[state], state).toMatch(/[\u4e00-\u9fff]/);
      expect(nextStepZh.states[state], state).not.toMatch(/[A-Za-z]/);
      expect(nextStepEn.states[state], state).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
