import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { workbook } from '../testing/sheets.js';
import { applicant, expectOk, login, staff, type Client } from '../testing/fixtures.js';
import type { TestApp } from '../testing/test-app.js';

/** Set-up for the loan tests: the parties, their staff, borrowers, and a statement as a bank writes it. */

export interface Parties {
  readonly bankId: string;
  readonly guarantorId: string;
  readonly bankOfficer: Client;
  readonly guaranteeOfficer: Client;
}

let units = 0;

/** A unit registered as a lending bank or guarantee institution, with an officer tied to it. */
export async function parties(
  app: TestApp,
  clerk: Client,
  region: string,
  rateCapBp = 445,
  fundFen = 50_000_000,
): Promise<Parties> {
  const unit = async (name: string) => {
    const res = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: creditCode(region),
      name,
      category: 'enterprise',
      regionCode: region,
    });
    expectOk(res, 201);
    return res.json<{ id: string }>().id;
  };
  const bankUnit = await unit(`示例农商银行${++units}`);
  expectOk(
    await clerk.request('PUT', `/api/v1/organisations/${bankUnit}/bank-account`, {
      accountNumber: `62170000${String(units).padStart(11, '0')}`,
      bankName: '示例农商银行',
    }),
  );
  const guarantorUnit = await unit(`示例融资担保公司${units}`);
  const register = async (body: Record<string, unknown>) => {
    const res = await clerk.request('POST', '/api/v1/loans/institutions', body);
    expectOk(res, 201);
    return res.json<{ id: string }>().id;
  };
  const bankId = await register({ organisationId: bankUnit, kind: 'bank', rateCapBp });
  const guarantorId = await register({ organisationId: guarantorUnit, kind: 'guarantor', guaranteeFundFen: fundFen });
  const officer = async (role: string, organisationId: string) => {
    const username = `${role}-${units}`;
    await staff(app, username, [role], region);
    await app.database.db
      .updateTable('account')
      .set({ organisation_id: organisationId })
      .where('username', '=', username)
      .execute();
    return login(app, username);
  };
  return {
    bankId,
    guarantorId,
    bankOfficer: await officer('bank-officer', bankUnit),
    guaranteeOfficer: await officer('guarantee-officer', guarantorUnit),
  };
}

let borrowers = 0;

/** A graduate who registered and bound their account in the region. */
export function borrower(app: TestApp, region: string): Promise<Client> {
  borrowers++;
  return applicant(app, {
    kind: 'person',
    idNumber: idNumber('2001-03-03', 'male', region),
    name: `借款人${borrowers}`,
    regionCode: region,
    username: `borrower-${region}-${borrowers}`,
  });
}

export const STATEMENT_HEADER = [
  '贷款编号',
  '结息期间',
  '贷款余额（元）',
  '执行年利率（%）',
  '本期利息（元）',
  '是否按期还款',
];

export function statement(rows: (string | number)[][]): Promise<Buffer> {
  return workbook(STATEMENT_HEADER, rows);
}

export const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
