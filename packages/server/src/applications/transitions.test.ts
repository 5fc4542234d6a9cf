import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { ACTIONS, STATES, transitionFor, type ApplicationState } from './workflow.js';

/**
 * Over the API: an application is brought to each of the 13 states, and from each every action
 * the workflow table does not allow is tried. Each is refused with TRANSITION_NOT_ALLOWED, naming
 * the state, and leaves the application as it was. (The allowed ones run in the lifecycle tests.)
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
const by = {} as Record<'filer' | 'clerk' | 'reviewer' | 'approver' | 'finance', Client>;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  by.filer = await staff(app, 'filer', ['clerk'], '510104');
  by.clerk = await staff(app, 'clerk', ['clerk'], '510104');
  by.reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  by.approver = await staff(app, 'approver', ['approver'], '510104');
  by.finance = await staff(app, 'finance', ['finance'], '510104');
});
afterAll(() => app.close());

type ApiAction = (typeof ACTIONS)[number];
const ACTOR: Record<ApiAction, keyof typeof by> = {
  submit: 'filer',
  resubmit: 'filer',
  withdraw: 'filer',
  accept: 'clerk',
  'not-accept': 'clerk',
  return: 'clerk',
  review: 'reviewer',
  reject: 'reviewer',
  approve: 'approver',
  publicise: 'approver',
  object: 'approver',
  release: 'approver',
  revoke: 'approver',
  pay: 'finance',
  bounce: 'finance',
};

/** A person eligible for the subsidy: a 低保-family graduate (求职) or a first skill evaluation (评价). */
async function eligible(
  subsidy: 'one-time-job-seeking' | 'skill-evaluation',
): Promise<{ personId: string; claim: object }> {
  const facts =
    subsidy === 'one-time-job-seeking'
      ? [
          { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
          { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
        ]
      : [
          { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
          {
            kind: 'certificate',
            data: {
              id: 'E1',
              kind: 'skill-level',
              occupation: '焊工',
              level: 5,
              issuedOn: '2026-10-01',
              firstEvaluation: true,
            },
          },
        ];
  const res = await by.filer.request('POST', '/api/v1/people', {
    idNumber: idNumber('2003-01-01'),
    name: '状态',
    regionCode: '510104',
    facts,
  });
  expectOk(res, 201);
  return {
    personId: res.json<{ id: string }>().id,
    claim: subsidy === 'skill-evaluation' ? { certificateId: 'E1' } : {},
  };
}

const PATHS: Record<ApplicationState, { subsidy: 'one-time-job-seeking' | 'skill-evaluation'; actions: ApiAction[] }> =
  {
    draft: { subsidy: 'one-time-job-seeking', actions: [] },
    submitted: { subsidy: 'one-time-job-seeking', actions: ['submit'] },
    returned: { subsidy: 'one-time-job-seeking', actions: ['submit', 'return'] },
    'not-accepted': { subsidy: 'one-time-job-seeking', actions: ['submit', 'not-accept'] },
    accepted: { subsidy: 'one-time-job-seeking', actions: ['submit', 'accept'] },
    reviewed: { subsidy: 'one-time-job-seeking', actions: ['submit', 'accept', 'review'] },
    approved: { subsidy: 'one-time-job-seeking', actions: ['submit', 'accept', 'review', 'approve'] },
    rejected: { subsidy: 'one-time-job-seeking', actions: ['submit', 'accept', 'reject'] },
    publicised: { subsidy: 'one-time-job-seeking', actions: ['submit', 'accept', 'review', 'approve', 'publicise'] },
    payable: { subsidy: 'skill-evaluation', actions: ['submit', 'accept', 'review', 'approve', 'release'] },
    paid: { subsidy: 'skill-evaluation', actions: ['submit', 'accept', 'review', 'approve', 'release', 'pay'] },
    withdrawn: { subsidy: 'one-time-job-seeking', actions: ['withdraw'] },
    revoked: {
      subsidy: 'skill-evaluation',
      actions: ['submit', 'accept', 'review', 'approve', 'release', 'pay', 'revoke'],
    },
  };

const transition = (action: ApiAction, id: string) =>
  by[ACTOR[action]].request('POST', `/api/v1/applications/${id}/transitions`, {
    action,
    reason: '理由',
    paymentReference: 'T',
  });

describe('forbidden transitions over the API', () => {
  it.each(STATES.map((s) => [s] as const))('from %s', async (state) => {
    const path = PATHS[state];
    const { personId, claim } = await eligible(path.subsidy);
    const filed = await by.filer.request('POST', '/api/v1/applications', {
      subsidy: path.subsidy,
      personId,
      claim,
      idempotencyKey: `state-${state}-0001`,
    });
    expectOk(filed, 201);
    const id = filed.json<{ id: string }>().id;
    for (const action of path.actions) expectOk(await transition(action, id));
    const before = (await by.approver.request('GET', `/api/v1/applications/${id}`)).json<{
      state: string;
      version: number;
    }>();
    expect(before.state).toBe(state);

    for (const action of ACTIONS.filter((a) => !transitionFor(a, state))) {
      const res = await transition(action, id);
      expect(res.statusCode, `${action} from ${state}`).toBe(409);
      expect(res.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    }
    const after = (await by.approver.request('GET', `/api/v1/applications/${id}`)).json<{
      state: string;
      version: number;
    }>();
    expect(after).toMatchObject({ state, version: before.version });
  });
});
