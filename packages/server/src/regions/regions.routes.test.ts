import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GET /api/v1/regions', () => {
  it('names every region served, with its parent, to anyone', async () => {
    const res = await app.http.inject({ url: '/api/v1/regions' });
    expect(res.statusCode).toBe(200);
    const { regions } = res.json<{ regions: { code: string; nameZh: string; parentCode: string | null }[] }>();
    expect(regions).toContainEqual({
      code: '510104',
      nameZh: '锦江区',
      nameEn: 'Jinjiang District',
      parentCode: '510100',
      level: 'county',
    });
    expect(regions.find((r) => r.code === '510000')?.parentCode).toBeNull();
  });
});
