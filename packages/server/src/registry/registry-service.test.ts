import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { readTable } from './import/tabular.js';
import { normaliseAddress } from './registry-input.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({});
});
afterAll(() => app.close());

describe('phone lookup hashes', () => {
  it('are written with the person, and filled in at start-up for rows from before the column', async () => {
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1990-01-01'),
      name: '有电话',
      regionCode: '510104',
      phone: '13912345678',
    });
    expectOk(created, 201);
    const id = created.json<{ id: string }>().id;
    const hash = app.vault.lookupHash('phone', '13912345678');
    const stored = async () =>
      (await app.database.db.selectFrom('person').select('phone_hmac').where('id', '=', id).executeTakeFirstOrThrow())
        .phone_hmac;
    expect(await stored()).toBe(hash);

    await app.database.db.updateTable('person').set({ phone_hmac: null }).where('id', '=', id).execute();
    expect(await app.registry.backfillPhoneHashes()).toBe(1);
    expect(await stored()).toBe(hash);
    expect(await app.registry.backfillPhoneHashes()).toBe(0);
  });
});

describe('addresses', () => {
  it('are kept encrypted and shown in full only through the audited identity view', async () => {
    const clerk = await staff(app, 'clerk-a', ['clerk'], '510104');
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1991-02-02'),
      name: '有地址',
      regionCode: '510104',
      address: '成都市锦江区示例路9号',
    });
    expectOk(created, 201);
    const id = created.json<{ id: string }>().id;
    const row = await app.database.db
      .selectFrom('person')
      .select(['address_cipher', 'address_hmac'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.address_cipher).not.toContain('锦江');
    expect(row.address_hmac).toBe(app.vault.lookupHash('address', normaliseAddress('成都市 锦江区 示例路９号')));
    const shown = await clerk.request('POST', `/api/v1/people/${id}/identity`, { purpose: '核对居住地址' });
    expect(shown.json()).toMatchObject({ address: '成都市锦江区示例路9号' });
  });
});

describe('the people list exported', () => {
  it('holds the people found in the caller’s regions only, masked, in the caller’s language, and is audited', async () => {
    const clerk = await staff(app, 'export-clerk', ['clerk'], '510104');
    const elsewhere = await staff(app, 'export-clerk-b', ['clerk'], '510105');
    const mine = idNumber('1985-03-03');
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: mine,
        name: '导出甲',
        regionCode: '510104',
        rural: true,
      }),
      201,
    );
    expectOk(
      await elsewhere.request('POST', '/api/v1/people', {
        idNumber: idNumber('1985-04-04'),
        name: '导出乙',
        regionCode: '510105',
      }),
      201,
    );

    const res = await clerk.request('GET', `/api/v1/people.xlsx?name=${encodeURIComponent('导出')}`);
    expectOk(res);
    const table = (await readTable(res.rawPayload)).map((row) => row.map((c) => c.text));
    expect(table[0]).toEqual([
      '姓名',
      '证件号码（脱敏）',
      '性别',
      '出生年份',
      '地区',
      '户籍地',
      '农村户籍',
      '手机号码（脱敏）',
    ]);
    expect(table.slice(1).map((r) => r[0])).toEqual(['导出甲']);
    expect(table[1]?.[1]).not.toBe(mine);
    expect(table[1]?.[1]).toMatch(/\*/);
    expect(table[1]?.[4]).toBe('锦江区');
    // The year alone: the date would be the very digits the mask hides.
    expect(table[1]?.[3]).toBe('1985');
    expect(JSON.stringify(table)).not.toContain('1985-03-03');
    const listed = await clerk.request('GET', `/api/v1/people?name=${encodeURIComponent('导出甲')}`);
    expect(listed.body).not.toMatch(/1985-03-03|19850303/);
    expect(listed.json()).toMatchObject({ people: [{ birthYear: 1985 }] });
    expect(table[1]?.[6]).toBe('是');

    const english = await clerk.request('GET', '/api/v1/people.xlsx?name=%E5%AF%BC%E5%87%BA', undefined, {
      'accept-language': 'en-US',
    });
    expect((await readTable(english.rawPayload))[0]?.map((c) => c.text)).toContain('ID number (masked)');

    const audited = await app.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'people.exported')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('refuses a malformed ID number, naming the field', async () => {
    const clerk = await staff(app, 'export-clerk-c', ['clerk'], '510104');
    const res = await clerk.request('GET', '/api/v1/people.xlsx?idNumber=123');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('身份证');
  });
});

describe('a person’s facts that name a unit', () => {
  it('come with the unit’s registered name, whatever region the unit is in', async () => {
    const clerk = await staff(app, 'unit-clerk', ['clerk'], '510104');
    const elsewhere = await staff(app, 'unit-clerk-b', ['clerk'], '510105');
    const code = creditCode('510105');
    expectOk(
      await elsewhere.request('POST', '/api/v1/organisations', {
        creditCode: code,
        name: '青羊示例有限公司',
        category: 'enterprise',
        regionCode: '510105',
      }),
      201,
    );
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1988-05-05'),
      name: '有雇主',
      regionCode: '510104',
      facts: [
        { kind: 'employment', data: { kind: 'labour-contract', employer: code, from: '2026-07-01' } },
        {
          kind: 'employment',
          data: { kind: 'labour-contract', employer: creditCode('510104'), from: '2025-01-01', to: '2026-06-30' },
        },
      ],
    });
    expectOk(created, 201);
    const person = await clerk.request('GET', `/api/v1/people/${created.json<{ id: string }>().id}`);
    expect(person.json<{ unitNames: Record<string, string> }>().unitNames).toEqual({ [code]: '青羊示例有限公司' });
  });
});

describe('a unit’s bank account, where its subsidies are paid', () => {
  it('is set by the registry’s clerk and shown masked with the unit, in the list and alone', async () => {
    const clerk = await staff(app, 'account-clerk', ['clerk'], '510104');
    const code = creditCode('510104');
    const org = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: code,
      name: '锦江收款有限公司',
      category: 'enterprise',
      regionCode: '510104',
    });
    expectOk(org, 201);
    const { id } = org.json<{ id: string }>();
    expect(org.json()).not.toHaveProperty('bankAccountMasked');
    expectOk(
      await clerk.request('PUT', `/api/v1/organisations/${id}/bank-account`, {
        accountNumber: '6222020200112233445',
        bankName: '示例银行锦江支行',
      }),
    );
    const shown = (await clerk.request('GET', `/api/v1/organisations/${id}`)).json<Record<string, unknown>>();
    expect(shown).toMatchObject({ bankName: '示例银行锦江支行', bankAccountMasked: expect.stringMatching(/3445$/) });
    expect(JSON.stringify(shown)).not.toContain('6222020200112233445');
    const listed = await clerk.request('GET', `/api/v1/organisations?creditCode=${code}`);
    expect(listed.json()).toMatchObject({ organisations: [{ id, bankAccountMasked: shown.bankAccountMasked }] });
  });

  it('is shown to those who handle claims, and not to a case worker, who handles none', async () => {
    const clerk = await staff(app, 'payee-clerk', ['clerk'], '510104');
    const code = creditCode('510104');
    const { id: orgId } = (
      await clerk.request('POST', '/api/v1/organisations', {
        creditCode: code,
        name: '锦江看账户有限公司',
        category: 'enterprise',
        regionCode: '510104',
      })
    ).json<{ id: string }>();
    const created = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1991-03-03'),
      name: '有账户',
      regionCode: '510104',
    });
    const personId = created.json<{ id: string }>().id;
    const account = { accountNumber: '6222020200112233446', bankName: '示例银行锦江支行' };
    expectOk(await clerk.request('PUT', `/api/v1/organisations/${orgId}/bank-account`, account));
    expectOk(await clerk.request('PUT', `/api/v1/people/${personId}/bank-account`, account));
    const reads = (who: Awaited<ReturnType<typeof staff>>) =>
      Promise.all([
        who.request('GET', `/api/v1/organisations/${orgId}`),
        who.request('GET', `/api/v1/organisations?creditCode=${code}`),
        who.request('GET', `/api/v1/people/${personId}`),
        who.request('GET', `/api/v1/people?name=${encodeURIComponent('有账户')}`),
      ]);
    for (const read of await reads(await staff(app, 'payee-reviewer', ['reviewer'], '510104')))
      expect(JSON.stringify(read.json())).toContain('3446');
    const caseWorkerReads = await reads(await staff(app, 'payee-case-worker', ['case-worker'], '510104'));
    for (const read of caseWorkerReads) {
      expectOk(read);
      expect(JSON.stringify(read.json())).not.toMatch(/3446|bankAccountMasked|示例银行/);
    }
  });
});

describe('the people found', () => {
  // Bulk rows straight into the table: ten thousand people through the API would be the test.
  const addPeople = (from: number, count: number) =>
    sql`insert into person (id_number_hmac, id_number_cipher, id_number_masked, name, sex, birth_date, region_code)
        select 'cap-' || i, 'x', '5101**********0000', '人' || i, 'male', '1990-01-01', '510106'
        from generate_series(${from}::int, ${from + count - 1}::int) as i`.execute(app.database.db);

  it('are counted exactly up to 10,000, and past it shown as at least 10,000', async () => {
    const clerk = await staff(app, 'clerk-count', ['clerk'], '510106');
    const found = async () =>
      (await clerk.request('GET', '/api/v1/people?limit=5')).json<{ total: number; totalIsLowerBound: boolean }>();
    await addPeople(1, 10_000);
    expect(await found()).toMatchObject({ total: 10_000, totalIsLowerBound: false });
    await addPeople(10_001, 1);
    expect(await found()).toMatchObject({ total: 10_000, totalIsLowerBound: true });
  });

  it('by an ID number that cannot be anyone’s: said to be wrong, not answered as nobody registered', async () => {
    const clerk = await staff(app, 'clerk-lookup', ['clerk'], '510106');
    const seventeen = await clerk.request('GET', '/api/v1/people?idNumber=51010619900101001');
    expect(seventeen.statusCode).toBe(400);
    expect(seventeen.json()).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      field: 'idNumber',
      reason: expect.stringContaining('18'),
    });
    const wrongCheck = await clerk.request('GET', '/api/v1/people?idNumber=510106199001010010');
    expect(wrongCheck.json()).toMatchObject({ code: 'INVALID_ID_NUMBER', reason: expect.stringContaining('校验码') });
  });
});

describe('whose people staff find', () => {
  it('a county’s staff their county; a city’s its counties; a province’s its cities', async () => {
    const clerk = await staff(app, 'clerk-scope', ['clerk'], '621002');
    for (const [name, regionCode, born] of [
      ['乙', '621002', '1980-03-01'],
      ['甲', '621002', '1980-03-02'],
      ['丙', '621022', '1980-03-03'],
      ['丁', '620102', '1980-03-04'],
    ] as const) {
      const county = await staff(app, `clerk-${born}`, ['clerk'], regionCode);
      expectOk(await county.request('POST', '/api/v1/people', { idNumber: idNumber(born), name, regionCode }), 201);
    }
    const namesFor = async (regionCode: string, filter = '') => {
      const reader = await staff(app, `supervisor-${regionCode}${filter.length}`, ['supervisor'], regionCode);
      const found = (await reader.request('GET', `/api/v1/people?limit=50${filter}`)).json<{
        people: { name: string; regionCode: string }[];
      }>();
      return found.people
        .filter((p) => p.regionCode.startsWith('62'))
        .map((p) => p.name)
        .sort();
    };
    expect(
      (await clerk.request('GET', '/api/v1/people'))
        .json<{ people: { name: string }[] }>()
        .people.map((p) => p.name)
        .sort(),
    ).toEqual(['乙', '甲'].sort());
    expect(await namesFor('621000')).toEqual(['丙', '乙', '甲'].sort());
    expect(await namesFor('620000')).toEqual(['丁', '丙', '乙', '甲'].sort());
    expect(await namesFor('620000', '&regionCode=621022')).toEqual(['丙']);
    expect(await namesFor('510100')).toEqual([]);
  });
});

describe('the retirement-age category', () => {
  it('follows the sex in the ID number: a woman is never recorded as retiring at a man’s age, nor a man at a woman’s', async () => {
    const clerk = await staff(app, 'category-clerk', ['clerk'], '510104');
    const add = (birth: string, sex: 'male' | 'female', retirementCategory: string, lang = 'zh-CN') =>
      clerk.request(
        'POST',
        '/api/v1/people',
        { idNumber: idNumber(birth, sex), name: '类别', regionCode: '510104', retirementCategory },
        { 'accept-language': lang },
      );
    const woman = await add('1975-03-03', 'female', 'male');
    expect(woman.statusCode).toBe(400);
    expect(woman.json()).toMatchObject({ field: 'retirementCategory', message: expect.stringContaining('女性') });
    const man = await add('1975-03-03', 'male', 'female-cadre', 'en-US');
    expect(man.statusCode).toBe(400);
    expect(man.json<{ message: string }>().message).toContain('male');
    expect(man.json<{ message: string }>().message).not.toMatch(/男/);
    expectOk(await add('1975-03-03', 'female', 'female-worker'), 201);
  });
});

describe('units found by credit code', () => {
  it('by the whole code or its start, in either case; a code with other characters is refused, naming it', async () => {
    const clerk = await staff(app, 'code-clerk', ['clerk'], '510104');
    const code = creditCode('510104');
    expectOk(
      await clerk.request('POST', '/api/v1/organisations', {
        creditCode: code,
        name: '锦江查码有限公司',
        category: 'enterprise',
        regionCode: '510104',
      }),
      201,
    );
    const found = async (q: string) =>
      (await clerk.request('GET', `/api/v1/organisations?creditCode=${q}`))
        .json<{ organisations: { creditCode: string }[] }>()
        .organisations.map((o) => o.creditCode);
    expect(await found(code)).toEqual([code]);
    expect(await found(code.slice(0, 17))).toContain(code);
    expect(await found(code.slice(0, 17).toLowerCase())).toContain(code);
    expect(await found(`${code.slice(0, 16)}ZZ`)).not.toContain(code);
    const refused = await clerk.request('GET', '/api/v1/organisations?creditCode=91%25');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'creditCode' });
  });

  it('the start of a code is found through an index whatever the collation, not by reading every unit', async () => {
    // As on a server set up with a language's collation, which the unique index's order does not
    // serve: whichever of these this database has (C.utf8 sorts as C but is not C to the planner).
    const preferred = ['und-x-icu', 'en_US.utf8', 'en_US', 'C.utf8'];
    const collation = (
      await sql<{ collname: string }>`
        select collname from pg_collation
        where collname = any(${preferred}) and collencoding in (-1, pg_char_to_encoding('UTF8'))
        order by array_position(${preferred}::text[], collname::text) limit 1`.execute(app.database.db)
    ).rows[0]?.collname;
    expect(collation).toBeDefined();
    const plan = await app.database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`
        explain select id from organisation where credit_code collate ${sql.id(collation ?? 'C')} like '915101%'`.execute(
        trx,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('organisation_credit_code_prefix');
    // The prefix bounds the scan (~>=~ and ~<~), rather than filtering every entry read.
    expect(plan).toMatch(/Index Cond: .*~>=~/);
  });
});
