import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, type Client } from '../testing/fixtures.js';

/** The posts a claim passes through before it can be drawn: 受理, 审核, 复核. */
export interface ApprovingPosts {
  readonly clerk: Client;
  readonly counter: Client;
  readonly reviewer: Client;
  readonly approver: Client;
}

let claims = 0;

/**
 * A skill-evaluation claim filed for someone new in `region`, accepted, reviewed and approved: a
 * candidate for a spot check. Returns the application's id.
 */
export async function approvedClaim(posts: ApprovingPosts, region: string, name: string): Promise<string> {
  const person = await posts.clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1987-07-07'),
    name,
    regionCode: region,
    facts: [
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
    ],
  });
  const filed = await posts.clerk.request('POST', '/api/v1/applications', {
    subsidy: 'skill-evaluation',
    personId: person.json<{ id: string }>().id,
    claim: { certificateId: 'E1' },
    idempotencyKey: `spot-claim-${++claims}`,
    submit: true,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  for (const [c, a] of [
    [posts.counter, 'accept'],
    [posts.reviewer, 'review'],
    [posts.approver, 'approve'],
  ] as const)
    expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action: a }));
  return id;
}
