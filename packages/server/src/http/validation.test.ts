import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { sendError } from './errors.js';
import { INT4_MAX, validatorCompiler, withIntegerBounds } from './validation.js';

let app: TestApp;
let clerk: Client;
beforeAll(async () => {
  app = await startTestApp();
  clerk = await staff(app, 'validation-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

const EN = { 'accept-language': 'en-US' };
const item = (standardFen: number) => ({
  regionCode: '510104',
  occupation: '电工',
  trainingKind: 'employment-skills',
  standardFen,
  hours: 80,
  urgent: false,
  validFrom: '2026-01-01',
});

describe('a body that is not JSON', () => {
  it('a form post or multipart upload to a JSON route is refused as 415, in the caller’s language', async () => {
    const form = await clerk.request('POST', '/api/v1/people', 'idNumber=1&name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('不支持此请求内容类型'),
    });
    const multipart = await app.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'multipart/form-data; boundary=b', ...EN },
      payload: '--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nx\r\n--b--\r\n',
    });
    expect(multipart.statusCode).toBe(415);
    expect(multipart.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('Unsupported content type'),
    });
  });

  it('routes that take a file still take it, and refuse a form post the same way', async () => {
    const csv = await clerk.request('POST', '/api/v1/imports/people', 'idNumber,name,regionCode\n', {
      'content-type': 'text/csv',
    });
    expect(csv.statusCode).toBeLessThan(500);
    expect(csv.json<{ code?: string }>().code).not.toBe('UNSUPPORTED_MEDIA_TYPE');
    const form = await clerk.request('POST', '/api/v1/imports/people', 'a=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(415);
  });
});

describe('a NUL character, which PostgreSQL text cannot hold', () => {
  it('is refused in a body field, naming it', async () => {
    const res = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1990-01-01'),
      name: '张\u0000三',
      regionCode: '510104',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'name',
      message: expect.stringContaining('空字符'),
    });
  });

  it('is refused in the query string and in the path, naming the parameter', async () => {
    const query = await clerk.request('GET', '/api/v1/people?name=%E5%BC%A0%00');
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
    const path = await app.http.inject({ url: '/api/v1/training/certificates/AB%00CD?name=x', headers: EN });
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'serial',
      message: expect.stringContaining('NUL'),
    });
  });
});

describe('whole numbers past what their column holds', () => {
  it('an offset past int4, or 1e30, is refused naming the field', async () => {
    for (const offset of ['99999999999999999999', '1e30', String(INT4_MAX + 1)]) {
      const res = await clerk.request('GET', `/api/v1/people?offset=${offset}`);
      expect(res.statusCode, offset).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'offset' });
    }
  });

  it('money (a bigint column) may pass int4 but not 2^53', async () => {
    expect((await clerk.request('POST', '/api/v1/training/demand-catalogue', item(3_000_000_000))).statusCode).toBe(
      201,
    );
    for (const fen of [2 ** 60, 1e30]) {
      const res = await clerk.request('POST', '/api/v1/training/demand-catalogue', item(fen));
      expect(res.statusCode, String(fen)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'standardFen' });
    }
  });

  it('an integer schema without bounds gets int4’s, one with bounds keeps its own; the route’s schema is not changed', () => {
    const schema = {
      type: 'object',
      properties: {
        n: { type: 'integer' },
        fen: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        list: { type: 'array', items: { type: ['integer', 'null'] } },
      },
    };
    const bounded = withIntegerBounds(schema) as typeof schema & { properties: { n: object; list: { items: object } } };
    expect(bounded.properties.n).toEqual({ type: 'integer', minimum: -INT4_MAX, maximum: INT4_MAX });
    expect(bounded.properties.fen).toEqual(schema.properties.fen);
    expect(bounded.properties.list.items).toMatchObject({ maximum: INT4_MAX });
    expect(schema.properties.n).toEqual({ type: 'integer' });
    expect(withIntegerBounds(schema)).toBe(bounded);
  });
});

describe('validation messages in the caller’s language', () => {
  it('zh-CN names the field in Chinese words, with no English from the validator and no regular expression', async () => {
    for (const body of [
      { idNumber: idNumber('1990-01-01'), name: '张三', regionCode: 'abc' },
      { idNumber: idNumber('1990-01-01'), name: 123, regionCode: '510104' },
    ]) {
      const res = await clerk.request('POST', '/api/v1/people', body);
      expect(res.statusCode).toBe(400);
      const { message, field } = res.json<{ message: string; field: string }>();
      // The field by what a clerk calls it; its path stays in `field` for programs.
      expect(message).toMatch(/^字段 (地区|名称) 不符合要求/);
      expect(message).not.toContain(field);
      expect(message).not.toMatch(/must|should|pattern|string|\^|\\d/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('en-US gets English', async () => {
    const res = await clerk.request(
      'POST',
      '/api/v1/people',
      { idNumber: idNumber('1990-01-01'), name: '张三', regionCode: 'abc' },
      EN,
    );
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'regionCode',
      message: 'Field region is invalid: must be a 6-digit region code',
    });
    const limit = await clerk.request('GET', '/api/v1/people?limit=1000', undefined, EN);
    expect(limit.json<{ message: string }>().message).toBe('Field page size is invalid: must be <= 200');
  });

  it('a length limit is said with its number, in the caller’s language, not as ajv shouts it', async () => {
    const bare = Fastify();
    bare.setValidatorCompiler(validatorCompiler);
    bare.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
    bare.post(
      '/x',
      {
        schema: {
          body: Type.Object({ name: Type.String({ minLength: 15 }), tags: Type.Array(Type.String(), { maxItems: 2 }) }),
        },
      },
      async () => ({}),
    );
    const short = { name: 'abc', tags: [] };
    const en = await bare.inject({ method: 'POST', url: '/x', payload: short, headers: EN });
    expect(en.json<{ message: string }>().message).toBe('Field name is invalid: must be at least 15 characters long');
    const zh = await bare.inject({ method: 'POST', url: '/x', payload: short });
    expect(zh.json<{ message: string }>().message).toBe('字段 名称 不符合要求：不能少于 15 个字符');
    const many = await bare.inject({
      method: 'POST',
      url: '/x',
      payload: { name: 'x'.repeat(15), tags: ['a', 'b', 'c'] },
      headers: EN,
    });
    expect(many.json<{ message: string }>().message).toMatch(/must have at most 2 items$/);
  });

  it('a body that is not an object is named as the body', async () => {
    const res = await clerk.request('POST', '/api/v1/people', [1, 2]);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    expect(res.json<{ message: string }>().message).toMatch(/^字段 请求内容 /);
    const en = await clerk.request('POST', '/api/v1/people', [1, 2], EN);
    expect(en.json<{ message: string }>().message).toMatch(/^Field request body /);
  });
});

describe('a value outside a fixed list', () => {
  it('is told the values allowed, in the caller’s language, naming the field', async () => {
    const zh = await clerk.request('GET', '/api/v1/offers?state=bogus');
    expect(zh.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'state' });
    expect(zh.json<{ message: string }>().message).toContain('open, confirmed, declined, filed');
    const en = await clerk.request('GET', '/api/v1/offers?state=bogus', undefined, EN);
    expect(en.json<{ message: string }>().message).toMatch(/allowed values: open, confirmed, declined, filed/);
  });
});

describe('a value that must be one thing', () => {
  it('is told that value, in the caller’s language, naming the field', async () => {
    const bare = Fastify();
    bare.setValidatorCompiler(validatorCompiler);
    bare.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
    bare.post('/x', { schema: { body: Type.Object({ kind: Type.Literal('person') }) } }, async () => ({}));
    const zh = await bare.inject({ method: 'POST', url: '/x', payload: { kind: 'organisation' } });
    expect(zh.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
    expect(zh.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fff].*：person$/);
    const en = await bare.inject({ method: 'POST', url: '/x', payload: { kind: 'organisation' }, headers: EN });
    expect(en.json<{ message: string }>().message).toMatch(/: person$/);
  });
});

describe('a day that does not exist', () => {
  it('2026-02-30 is refused naming the field, before it reaches the database', async () => {
    const res = await clerk.request('POST', '/api/v1/training/demand-catalogue', {
      ...item(180_000),
      validFrom: '2026-02-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'validFrom' });
    // Its form is right; the day is not: said so, not "not in the expected format".
    expect(res.json<{ message: string }>().message).toMatch(/不是存在的日期$/);
    const leap = await clerk.request(
      'POST',
      '/api/v1/training/demand-catalogue',
      { ...item(180_000), validFrom: '2026-02-29' },
      EN,
    );
    expect(leap.json<{ message: string }>().message).toMatch(/is not a day of the calendar$/);
  });
});

describe('a value not in its format says what the format is', () => {
  it('a user name and a region code', async () => {
    const registering = await app.http.inject({
      method: 'POST',
      url: '/api/v1/register',
      headers: EN,
      payload: {
        kind: 'person',
        idNumber: idNumber('1990-01-01'),
        name: '王五',
        regionCode: '510104',
        username: 'wang wu',
        password: 'Quite-long-2026',
      },
    });
    expect(registering.json()).toMatchObject({
      field: 'username',
      message: 'Field user name is invalid: must be 3–64 letters, digits or _ . @ -',
    });
    const region = await clerk.request('GET', '/api/v1/loans/terms?region=5101&borrower=individual');
    expect(region.json()).toMatchObject({ field: 'region', reason: '应为 6 位数字的行政区划代码' });
  });
});
