import { beforeAll, describe, expect, it } from 'vitest';
import { expectOk, staff, type Client } from '../testing/fixtures.js';
import { app, csv, evaluationClaim, flags, person, snapshot, submit } from './risk.test-kit.js';

/**
 * 181号 第二十三条 cross-checks with other departments' data — the data loaded for the claim's
 * region. A newer list loaded in another province neither flags a 锦江区 claim nor hides what
 * 锦江区's own list says.
 */
let gansu: Client;
beforeAll(async () => {
  gansu = await staff(app, 'gansu-clerk', ['clerk'], '620102');
});
const elsewhere = (lines: string[]) =>
  gansu.request(
    'POST',
    `/api/v1/reference-snapshots/deaths?takenOn=2026-11-22&source=${encodeURIComponent('甘肃省民政厅')}`,
    csv(lines),
    { 'content-type': 'text/csv' },
  );

describe('the risk checks read the snapshots serving the claim’s region', () => {
  it('a death 锦江区 recorded still blocks after 甘肃 loads a newer list without it', async () => {
    const dead = await person();
    const alive = await person();
    expectOk(await snapshot('deaths', ['idNumber,date', `${dead.idNumber},2026-10-01`]), 201);
    // 甘肃's list is newer and names only someone alive in 锦江区: it is 甘肃's alone.
    expectOk(await elsewhere(['idNumber,date', `${alive.idNumber},2026-11-01`]), 201);
    expect((await flags(await submit(evaluationClaim(dead)))).map((f) => f.code)).toEqual(['PERSON_DECEASED']);
    expect(await flags(await submit(evaluationClaim(alive)))).toEqual([]);
  });
});
