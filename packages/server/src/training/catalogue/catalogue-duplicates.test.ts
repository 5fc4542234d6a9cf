import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/**
 * One occupation, level and kind of training has one item in force in a region's catalogue: a
 * class names the item whose standard it is paid by, so two items over the same days would leave
 * the standard to chance. Changing an item is moving it out and adding anew; sending the same item
 * twice (a double click, a re-uploaded sheet) adds it once.
 */
let app: TestApp;
let clerk: Client;
beforeAll(async () => {
  app = await startTestApp();
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

const item = (occupation: string, extra: object = {}) => ({
  regionCode: '510104',
  occupation,
  level: 4,
  trainingKind: 'employment-skills',
  standardFen: 120_000,
  hours: 80,
  urgent: false,
  validFrom: '2026-01-01',
  ...extra,
});
const items = async (occupation: string) =>
  (await clerk.request('GET', '/api/v1/training/demand-catalogue?region=510104&history=true'))
    .json<{ items: { id: string; occupation: string }[] }>()
    .items.filter((i) => i.occupation === occupation);
const CSV = 'regionCode,occupation,level,trainingKind,standard,hours,urgent,validFrom';
const sheet = (...rows: string[]) => Buffer.from([CSV, ...rows].join('\r\n'));
const upload = (body: Buffer) =>
  clerk.request('POST', '/api/v1/training/demand-catalogue/import', body, { 'content-type': 'text/csv' });

describe('one item in force per occupation, level and kind', () => {
  it('the same item sent twenty times at once is added once; the others are told it exists', async () => {
    const sent = await Promise.all(
      Array.from({ length: 20 }, () => clerk.request('POST', '/api/v1/training/demand-catalogue', item('育婴员'))),
    );
    expect(sent.map((r) => r.statusCode).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
    expect(sent.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'TRAINING_ITEM_EXISTS' });
    expect(await items('育婴员')).toHaveLength(1);
  });

  it('a sheet uploaded again adds nothing, naming the row', async () => {
    const file = sheet('510104,电工,4,employment-skills,1200,80,否,2026-01-01');
    expect((await upload(file)).json()).toEqual({ imported: 1 });
    const again = await upload(file);
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ errors: [{ row: 2, code: 'TRAINING_ITEM_EXISTS' }] });
    expect(await items('电工')).toHaveLength(1);
  });

  it('a sheet listing one item twice is refused whole', async () => {
    const twice = await upload(
      sheet(
        '510104,焊工,4,employment-skills,1200,80,否,2026-01-01',
        '510104,焊工,4,employment-skills,1500,80,否,2026-06-01',
      ),
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json()).toMatchObject({ errors: [{ row: 3, code: 'TRAINING_ITEM_EXISTS' }] });
    expect(await items('焊工')).toEqual([]);
  });

  it('another level, or an item after the first has ended or been moved out, is a new item', async () => {
    expect(
      (await clerk.request('POST', '/api/v1/training/demand-catalogue', item('车工', { validTo: '2026-06-30' })))
        .statusCode,
    ).toBe(201);
    expect(
      (await clerk.request('POST', '/api/v1/training/demand-catalogue', item('车工', { level: 3 }))).statusCode,
    ).toBe(201);
    expect(
      (await clerk.request('POST', '/api/v1/training/demand-catalogue', item('车工', { validFrom: '2026-07-01' })))
        .statusCode,
    ).toBe(201);
    const [first] = await items('育婴员');
    const removed = await clerk.request('POST', `/api/v1/training/demand-catalogue/${first?.id}/removal`, {
      reason: '标准调整',
    });
    expect(removed.statusCode).toBe(200);
    const today = removed.json<{ removedOn: string }>().removedOn;
    const anew = await clerk.request('POST', '/api/v1/training/demand-catalogue', item('育婴员', { validFrom: today }));
    expect(anew.statusCode).toBe(201);
  });
});
