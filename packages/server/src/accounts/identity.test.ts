import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, login, PASSWORD, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEFAULT_REGISTRATION_LIMITS } from './registration-limits.js';

/**
 * Real-name binding (issue 14): an account is tied to a registry record only by a proof its holder
 * controls. A stranger who knows someone's ID number and name gets nothing of theirs.
 */
let app: TestApp;
let clerk: Client;
let n = 0;

beforeAll(async () => {
  // The text-message limit per person is shown past the registration cap per ID number
  // (registration-limits.ts): it holds on its own, for claims older than the cap's window too.
  app = await startTestApp({
    registrationLimits: { ...DEFAULT_REGISTRATION_LIMITS, perAddress: 1_000_000, unboundPerSubject: 10 },
  });
  clerk = await staff(app, 'counter-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

const register = (body: Record<string, unknown>) =>
  app.http.inject({
    method: 'POST',
    url: '/api/v1/register',
    payload: { password: PASSWORD, regionCode: '510104', ...body },
  });
const outbox = async () => app.database.db.selectFrom('sms_outbox').selectAll().orderBy('id', 'desc').execute();
const codeIn = (body: string) => /验证码 (\d{6})/.exec(body)?.[1] ?? '';

/** A person on record with a phone, and a fresh username. */
async function personOnRecord(phone = '13900000000'): Promise<{ id: string; idNumber: string; name: string }> {
  const id = idNumber('1990-04-04');
  const name = `居民${++n}`;
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: id,
    name,
    regionCode: '510104',
    phone: `${phone.slice(0, 7)}${String(n).padStart(4, '0')}`,
  });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, idNumber: id, name };
}

async function registered(body: Record<string, unknown>): Promise<Client> {
  const username = `user${++n}`;
  expectOk(await register({ username, ...body }), 201);
  return login(app, username);
}

describe('registration says nothing about the registry', () => {
  it('an ID on record, an ID not on record and a wrong name all get the same answer', async () => {
    const person = await personOnRecord();
    const answers = await Promise.all([
      register({ kind: 'person', idNumber: person.idNumber, name: person.name, username: `same${++n}` }),
      register({ kind: 'person', idNumber: idNumber('1993-03-03'), name: '无此人', username: `same${++n}` }),
      register({ kind: 'person', idNumber: person.idNumber, name: '错误姓名', username: `same${++n}` }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(answers.map((a) => Object.keys(a.json()))).toEqual([['id'], ['id'], ['id']]);
  });
});

describe('a stranger with an ID number and a name (the takeover that worked before)', () => {
  it('registers, but sees and changes nothing of the person, and cannot bind without the code', async () => {
    const victimId = idNumber('1988-08-08');
    const victim = await applicant(app, {
      kind: 'person',
      idNumber: victimId,
      name: '受害人',
      regionCode: '510104',
      username: `victim${++n}`,
    });
    const filed = await victim.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      idempotencyKey: `victim-${n}-claim`,
      claim: {},
    });
    expectOk(filed, 201);
    const applicationId = filed.json<{ id: string }>().id;

    const stranger = await registered({ kind: 'person', idNumber: victimId, name: '受害人' });
    expect((await stranger.request('GET', '/api/v1/applications')).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await stranger.request('GET', `/api/v1/applications/${applicationId}`)).json()).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (
        await stranger.request('POST', `/api/v1/applications/${applicationId}/transitions`, {
          action: 'withdraw',
          version: 1,
        })
      ).json(),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await stranger.request('GET', '/api/v1/identity')).json()).toMatchObject({
      bound: false,
      subjectMasked: null,
    });
    expect(
      (await stranger.request('POST', '/api/v1/identity/binding', { verificationCode: '123456' })).json(),
    ).toMatchObject({
      code: 'INVALID_CODE',
      field: 'verificationCode',
    });
    // The victim's claim is as they left it.
    expect((await victim.request('GET', `/api/v1/applications/${applicationId}`)).json()).toMatchObject({
      state: 'draft',
    });
  });
});

describe('binding with a code sent to the phone on record (短信验证码)', () => {
  it('the holder of the phone binds; the account then reads its own record', async () => {
    const person = await personOnRecord();
    const me = await registered({ kind: 'person', idNumber: person.idNumber, name: person.name });
    expect((await me.request('POST', '/api/v1/identity/sms-code')).statusCode).toBe(202);
    const [message] = await outbox();
    expect(message?.phone_masked).toMatch(/^139\*{4}\d{4}$/);
    // Once a minute at most; the answer says when, in its header too.
    const again = await me.request('POST', '/api/v1/identity/sms-code');
    expect(again.json()).toMatchObject({ code: 'CODE_RATE_LIMITED' });
    expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    const bound = await me.request('POST', '/api/v1/identity/binding', {
      verificationCode: codeIn(message?.body ?? ''),
    });
    expectOk(bound);
    expect(bound.json()).toMatchObject({
      bound: true,
      kind: 'person',
      via: 'sms',
      subjectMasked: expect.stringMatching(/^\d{6}\*+\d{3}[\dX]$/),
    });
    expectOk(await me.request('GET', '/api/v1/applications'));
  });

  it('a wrong name or no phone on record sends nothing, with the same answer', async () => {
    const person = await personOnRecord();
    const before = (await outbox()).length;
    const wrongName = await registered({ kind: 'person', idNumber: person.idNumber, name: '别人' });
    expect((await wrongName.request('POST', '/api/v1/identity/sms-code')).statusCode).toBe(202);
    const unknown = await registered({ kind: 'person', idNumber: idNumber('1995-05-05'), name: '查无此人' });
    expect((await unknown.request('POST', '/api/v1/identity/sms-code')).statusCode).toBe(202);
    expect((await outbox()).length).toBe(before);
  });

  it('the 5th wrong try ends the code; the 10th wrong code in a day stops binding for 24 hours', async () => {
    const person = await personOnRecord();
    const me = await registered({ kind: 'person', idNumber: person.idNumber, name: person.name });
    expectOk(await me.request('POST', '/api/v1/identity/sms-code'), 202);
    const right = codeIn((await outbox())[0]?.body ?? '');
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await me.request('POST', '/api/v1/identity/binding', { verificationCode: wrong })).json()).toMatchObject({
        code: 'INVALID_CODE',
      });
    expect((await me.request('POST', '/api/v1/identity/binding', { verificationCode: right })).json()).toMatchObject({
      code: 'INVALID_CODE',
    });
    for (let i = 0; i < 4; i++)
      await me.request('POST', '/api/v1/identity/binding', { verificationCode: 'ABCDE-FGHJK' });
    const stopped = await me.request('POST', '/api/v1/identity/binding', { verificationCode: right });
    expect(stopped.json()).toMatchObject({ code: 'BIND_ATTEMPTS_EXCEEDED' });
    // A day after the last wrong code.
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(86_400 - 3_600);
    expect(Number(stopped.headers['retry-after'])).toBeLessThanOrEqual(86_400);
  });

  it('many accounts claiming one person send that phone 5 codes a day in all, with the same answer to each', async () => {
    // Registering is open to anyone: a limit per account alone would let a stranger with the ID
    // number and name flood the phone, and guess at as many codes as accounts they made.
    const person = await personOnRecord();
    const before = (await outbox()).length;
    for (let i = 0; i < 7; i++) {
      const stranger = await registered({ kind: 'person', idNumber: person.idNumber, name: person.name });
      expect((await stranger.request('POST', '/api/v1/identity/sms-code')).statusCode).toBe(202);
    }
    expect((await outbox()).length - before).toBe(5);
  });

  it('two accounts binding one person at the same moment: one wins, the other is told the identity is bound', async () => {
    const person = await personOnRecord();
    const [a, b] = [
      await registered({ kind: 'person', idNumber: person.idNumber, name: person.name }),
      await registered({ kind: 'person', idNumber: person.idNumber, name: person.name }),
    ];
    expectOk(await a.request('POST', '/api/v1/identity/sms-code'), 202);
    const codeA = codeIn((await outbox())[0]?.body ?? '');
    expectOk(await b.request('POST', '/api/v1/identity/sms-code'), 202);
    const codeB = codeIn((await outbox())[0]?.body ?? '');
    const answers = await Promise.all([
      a.request('POST', '/api/v1/identity/binding', { verificationCode: codeA }),
      b.request('POST', '/api/v1/identity/binding', { verificationCode: codeB }),
    ]);
    expect(answers.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((x) => x.statusCode === 409)?.json()).toMatchObject({ code: 'SUBJECT_ALREADY_BOUND' });
  });
});

describe('binding with a code from the counter (窗口激活码)', () => {
  it('a person new to the registry is recorded by the clerk who saw the ID card, and binds with the code', async () => {
    const id = idNumber('1999-09-09');
    const me = await registered({ kind: 'person', idNumber: id, name: '新市民' });
    const issued = await clerk.request('POST', '/api/v1/identity/activation-codes', {
      kind: 'person',
      idNumber: id,
      name: '新市民',
      regionCode: '510104',
    });
    expectOk(issued, 201);
    expect(issued.json()).toMatchObject({
      code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/),
      rebind: false,
    });
    expect(
      (
        await me.request('POST', '/api/v1/identity/binding', {
          verificationCode: issued.json<{ code: string }>().code.toLowerCase(),
        })
      ).json(),
    ).toMatchObject({ bound: true, via: 'counter' });
    // Used once.
    const other = await registered({ kind: 'person', idNumber: id, name: '新市民' });
    expect(
      (
        await other.request('POST', '/api/v1/identity/binding', {
          verificationCode: issued.json<{ code: string }>().code,
        })
      ).json(),
    ).toMatchObject({ code: 'INVALID_CODE' });
  });

  it('a code issued for someone else does not bind this account', async () => {
    const me = await registered({ kind: 'person', idNumber: idNumber('1997-07-07'), name: '甲' });
    const issued = await clerk.request('POST', '/api/v1/identity/activation-codes', {
      kind: 'person',
      idNumber: idNumber('1996-06-06'),
      name: '乙',
      regionCode: '510104',
    });
    expect(
      (
        await me.request('POST', '/api/v1/identity/binding', { verificationCode: issued.json<{ code: string }>().code })
      ).json(),
    ).toMatchObject({ code: 'CODE_NOT_FOR_THIS_ACCOUNT', field: 'verificationCode' });
  });

  it('a record bound to another account moves only with the reason the clerk verified; the old account loses it', async () => {
    const id = idNumber('1985-05-15');
    const old = await applicant(app, {
      kind: 'person',
      idNumber: id,
      name: '丙',
      regionCode: '510104',
      username: `old${++n}`,
    });
    const fresh = await registered({ kind: 'person', idNumber: id, name: '丙' });
    expect(
      (
        await clerk.request('POST', '/api/v1/identity/activation-codes', {
          kind: 'person',
          idNumber: id,
          name: '丙',
          regionCode: '510104',
        })
      ).json(),
    ).toMatchObject({ code: 'REBIND_REASON_REQUIRED', field: 'reason' });
    // Four marks pass the length, yet record nothing anyone could check later.
    expect(
      (
        await clerk.request('POST', '/api/v1/identity/activation-codes', {
          kind: 'person',
          idNumber: id,
          name: '丙',
          regionCode: '510104',
          reason: '……。。',
        })
      ).json(),
    ).toMatchObject({ code: 'REASON_TOO_BRIEF', field: 'reason' });
    const issued = await clerk.request('POST', '/api/v1/identity/activation-codes', {
      kind: 'person',
      idNumber: id,
      name: '丙',
      regionCode: '510104',
      reason: '本人持身份证到窗口，称原账号非本人注册',
    });
    expect(issued.json()).toMatchObject({ rebind: true });
    expectOk(
      await fresh.request('POST', '/api/v1/identity/binding', {
        verificationCode: issued.json<{ code: string }>().code,
      }),
    );
    expect((await old.request('GET', '/api/v1/applications')).json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    const audit = await app.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('action', '=', 'identity.unbound')
      .execute();
    expect(JSON.stringify(audit.at(-1)?.after)).toContain('本人持身份证到窗口');
  });

  it('a unit binds with the code issued after the counter saw its licence', async () => {
    const code = creditCode('510104');
    const me = await registered({ kind: 'organisation', creditCode: code, name: '示例科技有限公司' });
    expect((await me.request('POST', '/api/v1/identity/sms-code')).json()).toMatchObject({
      code: 'SMS_ONLY_FOR_PEOPLE',
    });
    const missing = await clerk.request('POST', '/api/v1/identity/activation-codes', {
      kind: 'organisation',
      creditCode: code,
      name: '示例科技有限公司',
      regionCode: '510104',
    });
    expect(missing.json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'category' });
    const issued = await clerk.request('POST', '/api/v1/identity/activation-codes', {
      kind: 'organisation',
      creditCode: code,
      name: '示例科技有限公司',
      regionCode: '510104',
      category: 'enterprise',
    });
    expect(
      (
        await me.request('POST', '/api/v1/identity/binding', { verificationCode: issued.json<{ code: string }>().code })
      ).json(),
    ).toMatchObject({ bound: true, kind: 'organisation' });
  });

  it('a clerk of another district cannot issue a code for a person recorded here', async () => {
    const person = await personOnRecord();
    const elsewhere = await staff(app, `clerk-elsewhere-${++n}`, ['clerk'], '510105');
    expect(
      (
        await elsewhere.request('POST', '/api/v1/identity/activation-codes', {
          kind: 'person',
          idNumber: person.idNumber,
          name: person.name,
          regionCode: '510105',
        })
      ).json(),
    ).toMatchObject({ code: 'PERSON_NOT_FOUND' });
  });
});
