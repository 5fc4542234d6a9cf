import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { Type } from 'typebox';
import { AppError, inBoth, notBefore, sendError } from './errors.js';
import { message, reasonOf } from '../i18n/messages.js';
import { validatorCompiler } from './validation.js';
import { errorLine, loggerOptions } from './logging.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/**
 * A value the schemas let through and the database refuses (SQLSTATE class 22) is still the
 * caller's input at fault: 400, logged as a warning, never 500. Real database errors, from whichever
 * database the suite runs on.
 */
describe('the backstop for data the database refuses', () => {
  it.each([
    ['22P02', 'not a number', sql`select ${'abc'}::int as n`],
    ['22003', 'out of range', sql`select ${'99999999999999999999'}::int as n`],
    ['22008', 'a date that does not exist', sql`select ${'2026-02-30'}::date as d`],
    ['22021', 'a NUL byte', sql`select convert_from(${Buffer.from([0x61, 0x00])}::bytea, 'UTF8') as t`],
  ])('%s (%s) is 400 VALIDATION_FAILED, logged at warn', async (_code, _what, query) => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const bare = Fastify({ logger: loggerOptions({ level: 'warn', stream }) });
    bare.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
    bare.get('/x', async () => query.execute(app.database.db));
    const res = await bare.inject({ url: '/x', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'A value in the request is out of range or malformed; check it and try again',
    });
    const logged = lines.map((l) => JSON.parse(l) as { level: number; sqlState?: string });
    expect(logged.some((l) => l.level === 40 && l.sqlState === _code)).toBe(true);
    expect(logged.some((l) => l.level >= 50)).toBe(false);
    await bare.close();
  });

  it('other errors are still 500', async () => {
    const bare = Fastify();
    bare.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
    bare.get('/x', async () => sql`select * from no_such_table`.execute(app.database.db));
    expect((await bare.inject({ url: '/x' })).statusCode).toBe(500);
    await bare.close();
  });
});

/**
 * A CHECK constraint refusing a value (a text of spaces only, which a minimum length lets through)
 * is the caller's input too: 400 naming the column, and the row the database quotes never logged.
 */
describe('a value a CHECK constraint refuses', () => {
  it('is 400 naming the field, and neither the answer nor the log quotes the row', async () => {
    await sql`create temporary table if not exists stall (id int, stall_name text check (length(trim(stall_name)) > 0))`.execute(
      app.database.db,
    );
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const bare = Fastify({ logger: loggerOptions({ level: 'info', stream }) });
    bare.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
    bare.get('/x', async () => sql`insert into stall values (1, ${'   '})`.execute(app.database.db));
    const res = await bare.inject({ url: '/x', headers: { 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'stallName' });
    expect(res.json<{ message: string }>().message).toContain('stallName');
    expect(lines.join('')).not.toContain('Failing row');
    await bare.close();
  });

  it('an error logged at 500 leaves out what the database quotes of the row', () => {
    const error = Object.assign(new Error('new row violates something'), {
      detail: 'Failing row contains (1, 张三, 13800000000).',
      where: 'SQL function',
      params: ['张三'],
      code: 'XX000',
    });
    const line = errorLine(error);
    expect(line).toMatchObject({ message: 'new row violates something', code: 'XX000' });
    expect(JSON.stringify(line)).not.toContain('张三');
  });
});

/** A form shows a refusal under the field it names, so there the field is not named again. */
describe('a refusal said beside its field', () => {
  async function refusal(language: string, route: (app: ReturnType<typeof Fastify>) => void, body?: object) {
    const bare = Fastify();
    bare.setValidatorCompiler(validatorCompiler);
    bare.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
    route(bare);
    const res = await bare.inject({
      method: 'POST',
      url: '/x',
      headers: { 'accept-language': language },
      payload: body ?? {},
    });
    await bare.close();
    return res.json<{ message: string; field?: string; reason?: string }>();
  }
  const refusingAHire = (app: ReturnType<typeof Fastify>) =>
    app.post('/x', async () => {
      throw new AppError(
        'INVALID_ID_NUMBER',
        400,
        'claim.hires[0].idNumber',
        inBoth('detail', '校验码不符', 'wrong check digit'),
      );
    });

  it('keeps the field’s name in the message and leaves it out of the reason', async () => {
    expect(await refusal('zh-CN', refusingAHire)).toMatchObject({
      field: 'claim.hires[0].idNumber',
      reason: '身份证号码无效（校验码不符）',
    });
    const english = await refusal('en-US', refusingAHire);
    expect(english.message).toMatch(/^Field .*ID number.*: not a valid resident ID number/);
    expect(english.reason).toBe('Not a valid resident ID number (wrong check digit)');
  });

  it('says what the schema found, or that the field is required', async () => {
    const schema = { body: Type.Object({ name: Type.String({ minLength: 2 }) }) };
    const route = (app: ReturnType<typeof Fastify>) => app.post('/x', { schema }, async () => ({}));
    expect(await refusal('zh-CN', route, { name: 'a' })).toMatchObject({ field: 'name', reason: '不能少于 2 个字符' });
    expect((await refusal('en-US', route, { name: 'a' })).reason).toBe('This field must be at least 2 characters long');
    expect(await refusal('zh-CN', route, {})).toMatchObject({ field: 'name', reason: '必填' });
  });

  it('has no reason where the message cannot be said without the field', async () => {
    const schema = { body: Type.Object({ name: Type.String() }, { additionalProperties: false }) };
    const route = (app: ReturnType<typeof Fastify>) => app.post('/x', { schema }, async () => ({}));
    const unknown = await refusal('en-US', route, { name: 'a', nmae: 'b' });
    expect(unknown).toMatchObject({ field: 'nmae' });
    expect(unknown.reason).toBeUndefined();
  });
});

describe('a date before the first day allowed', () => {
  it('reads whole in both languages, with the field named and beside the field', () => {
    const values = { field: '开始日期', ...notBefore('2026-01-01') };
    expect(message('VALIDATION_FAILED', 'zh-CN', values)).toBe('字段 开始日期 不符合要求：不能早于 2026-01-01');
    expect(message('VALIDATION_FAILED', 'en-US', { ...values, field: 'start date' })).toBe(
      'Field start date is invalid: cannot be before 2026-01-01',
    );
    expect(reasonOf('VALIDATION_FAILED', 'en-US', values)).toBe('This field cannot be before 2026-01-01');
  });
});
