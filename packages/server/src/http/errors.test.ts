import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { sendError } from './errors.js';
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
