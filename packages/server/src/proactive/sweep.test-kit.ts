import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, type Client } from '../testing/fixtures.js';

/**
 * Graduates of 低保 families in 锦江区, the people the sweep tests find: each qualifies for
 * 一次性求职创业补贴 without applying. `graduatedOn` is the summer they leave school.
 */
export async function dibaoGraduates(clerk: Client, count: number, graduatedOn = '2027-06-30'): Promise<void> {
  const facts = [
    { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
    { kind: 'graduation', data: { date: graduatedOn, institution: 'university' } },
  ];
  for (let i = 0; i < count; i++)
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber('2004-05-05'),
        name: `毕业生${i}`,
        regionCode: '510104',
        facts,
      }),
      201,
    );
}
