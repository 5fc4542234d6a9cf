import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { serverPage } from './server-page.js';

describe('a staff list’s page from the server', () => {
  it('is the rows read, with their total', async () => {
    expect(await serverPage(async () => ({ data: ['a', 'b'], total: 7 }))).toEqual({
      data: ['a', 'b'],
      total: 7,
      success: true,
    });
  });

  it('is empty when the server refuses, and the refusal goes to the page', async () => {
    const refusal = new ApiError(400, 'VALIDATION', '统一社会信用代码：格式不正确', 'creditCode');
    const shown: ApiError[] = [];
    const page = await serverPage<string>(
      () => Promise.reject(refusal),
      (e) => shown.push(e),
    );
    expect(page).toEqual({ data: [], total: 0, success: false });
    expect(shown).toEqual([refusal]);
  });

  it('throws what is not a refusal: a fault is not an empty list', async () => {
    await expect(serverPage(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });
});
