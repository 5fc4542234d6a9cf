import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { ACTIONS, actionsAvailable, STATES, TERMINAL_STATES, transitionFor, TRANSITIONS } from './workflow.js';

describe('the application workflow', () => {
  it('allows exactly the transitions in the table, from each state', () => {
    const allowed = new Set(TRANSITIONS.flatMap((t) => t.from.map((f) => `${f}:${t.action}`)));
    for (const state of STATES)
      for (const action of ACTIONS)
        expect(transitionFor(action, state) !== undefined).toBe(allowed.has(`${state}:${action}`));
  });

  it('leaves the terminal states by no action at all', () => {
    for (const state of TERMINAL_STATES) expect(ACTIONS.filter((a) => transitionFor(a, state))).toEqual([]);
  });

  it('leaves paid only when the bank returns the money or by revocation', () => {
    expect(ACTIONS.filter((a) => transitionFor(a, 'paid'))).toEqual(['bounce', 'revoke']);
  });

  it('gives each staff role the actions of its own step only', () => {
    // A clerk also files and withdraws at the counter for an applicant; separation of duties then
    // keeps that clerk from accepting the same application.
    expect(actionsAvailable('submitted', permissionsOf(['clerk']))).toEqual([
      'withdraw',
      'accept',
      'not-accept',
      'return',
    ]);
    expect(actionsAvailable('submitted', permissionsOf(['reviewer']))).toEqual([]);
    expect(actionsAvailable('accepted', permissionsOf(['reviewer']))).toEqual(['review', 'reject']);
    expect(actionsAvailable('reviewed', permissionsOf(['approver']))).toEqual(['approve', 'reject']);
    expect(actionsAvailable('payable', permissionsOf(['finance']))).toEqual(['pay']);
    expect(actionsAvailable('payable', permissionsOf(['supervisor', 'auditor', 'administrator']))).toEqual([]);
  });

  it('requires a reason for every refusal, return, withdrawal, objection and revocation', () => {
    for (const t of TRANSITIONS) {
      const refuses =
        ['not-accepted', 'returned', 'rejected', 'withdrawn', 'revoked'].includes(t.to) ||
        t.action === 'object' ||
        t.action === 'bounce';
      expect(t.reasonRequired, `${t.action} from ${t.from.join(',')}`).toBe(refuses);
    }
  });

  it('reaches payment only through review and approval', () => {
    // Walk the graph backwards from paid: every path passes through reviewed and approved.
    const into = (state: string) => TRANSITIONS.filter((t) => t.to === state);
    expect(into('paid').flatMap((t) => t.from)).toEqual(['payable']);
    expect(into('payable').flatMap((t) => t.from)).toEqual(['approved', 'publicised', 'paid']);
    expect(into('publicised').flatMap((t) => t.from)).toEqual(['approved']);
    expect(into('approved').flatMap((t) => t.from)).toEqual(['reviewed']);
    expect(into('reviewed').flatMap((t) => t.from)).toEqual(['accepted']);
  });
});
