import { registerBound } from './demo-accounts.js';
import { residentIdCheckChar, creditCodeCheckChar, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { Services } from '../app/build-app.js';
import type { Database } from '../db/schema.js';
import { toXlsx } from '../registry/import/tabular.js';
import { fileSubsidyClaims } from '../loans/subsidy-claim-service.js';

/**
 * 创业担保贷款 in the demo city (锦江区): a lending bank and a guarantee institution with an officer
 * each, loans in every state, and 2025-Q3's interest statement with its 贴息 claims (one paid to the
 * bank, one waiting for acceptance). The loans date from 2025: 川办发〔2024〕34号 （五） set the
 * limits and the 50% subsidy until 2025-12-31, and no later text is among ours, so no loan can be
 * applied for on the demo's day. Everything is invented.
 */
export interface LoanSeed {
  db: Kysely<Database>;
  services: Services;
  clock: { date: IsoDate };
  actor: (username: string) => Promise<Actor>;
}

export const DEMO_LOAN_STAFF = [
  { username: 'bank', name: '锦江农商银行信贷员 何平', role: 'bank-officer' },
  { username: 'guarantor', name: '成都创业融资担保公司经办人 曾琳', role: 'guarantee-officer' },
] as const;

type Ends =
  | 'applied'
  | 'qualified'
  | 'not-qualified'
  | 'guaranteed'
  | 'guarantee-refused'
  | 'active'
  | 'repaid'
  | 'defaulted'
  | 'compensated';
const BORROWERS: readonly {
  name: string;
  birth: string;
  wan: number;
  to: Ends;
  onTime?: boolean;
  claim?: 'paid' | 'filed';
}[] = [
  { name: '吴迪', birth: '1999-04-11', wan: 20, to: 'active', onTime: true, claim: 'paid' },
  { name: '郑爽', birth: '1998-08-23', wan: 15, to: 'active', onTime: false },
  { name: '孙丽', birth: '2000-01-30', wan: 10, to: 'repaid', onTime: true, claim: 'filed' },
  { name: '刘洋', birth: '1997-12-02', wan: 25, to: 'defaulted', onTime: false },
  { name: '何静', birth: '1996-06-18', wan: 8, to: 'compensated', onTime: false },
  { name: '黄磊', birth: '2001-09-09', wan: 30, to: 'guaranteed' },
  { name: '周杰', birth: '1995-03-15', wan: 30, to: 'guarantee-refused' },
  { name: '杨洋', birth: '2002-07-07', wan: 12, to: 'qualified' },
  { name: '赵敏', birth: '1994-10-10', wan: 20, to: 'not-qualified' },
  { name: '陈晨', birth: '2003-02-14', wan: 5, to: 'applied' },
];
const REGION = '510104';

const idNumber = (birth: string, i: number) => {
  const first17 = `${REGION}${birth.replaceAll('-', '')}${String(600 + i * 2 + 1).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const creditCode = (tail: string) => {
  const first17 = `91${REGION}${tail}`;
  return first17 + creditCodeCheckChar(first17);
};

export async function seedLoans(seed: LoanSeed, password: string): Promise<void> {
  const { db, services, clock } = seed;
  const counter = await seed.actor('counter');
  const clerk = await seed.actor('clerk');
  const reviewer = await seed.actor('reviewer');
  const approver = await seed.actor('approver');
  const finance = await seed.actor('finance');
  clock.date = '2025-06-02';

  // The parties: registry units, registered by the district's clerk, each with an officer tied to it.
  const unit = async (name: string, tail: string) =>
    (
      await services.registry.createOrganisation(counter, {
        creditCode: creditCode(tail),
        name,
        category: 'enterprise',
        regionCode: REGION,
      })
    ).id;
  const bankUnit = await unit('锦江农商银行春熙支行（示例）', 'MA6LKAN0B');
  const guarantorUnit = await unit('成都创业融资担保有限公司（示例）', 'MA6LKAN0G');
  await services.registry.setBankAccount(
    counter,
    { organisationId: bankUnit },
    { accountNumber: '6230580000001234567', bankName: '锦江农商银行（示例）' },
  );
  const bank = await services.loans.loans.registerInstitution(clerk, {
    organisationId: bankUnit,
    kind: 'bank',
    rateCapBp: 445,
  });
  const guarantor = await services.loans.loans.registerInstitution(clerk, {
    organisationId: guarantorUnit,
    kind: 'guarantor',
    guaranteeFundFen: 2_000_000_000,
  });
  const hash = await hashPassword(password);
  const officers: Record<string, Actor> = {};
  for (const s of DEMO_LOAN_STAFF) {
    const row = await db
      .insertInto('account')
      .values({
        username: s.username,
        display_name: s.name,
        roles: [s.role],
        region_code: REGION,
        organisation_id: s.role === 'bank-officer' ? bankUnit : guarantorUnit,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('password_history').values({ account_id: row.id, password_hash: hash }).execute();
    officers[s.username] = await services.sessions.actorOf(row.id, null);
  }
  const bankOfficer = officers.bank as Actor;
  const guaranteeOfficer = officers.guarantor as Actor;

  // 普惠金融发展专项资金: the city's inclusive-finance fund, from which 贴息 is paid (181号 第十六条（四）).
  const fund = await services.funds.create(finance, {
    code: 'CD-PH-2025',
    name: '成都市2025年普惠金融发展专项资金（示例）',
    source: 'inclusive-finance',
    year: 2025,
    regionCode: '510100',
  });
  await services.funds.issue(finance, fund.id, { amountFen: 5_000_000_00, memo: '创业担保贷款贴息（示例数据）' });
  await services.funds.allocate(finance, fund.id, {
    fromRegion: '510100',
    toRegion: REGION,
    amountFen: 1_000_000_00,
    memo: '下达锦江区（示例数据）',
  });

  // The borrowers: registry people with applicant accounts bound at the counter.
  const loans: { id: string; number: string; b: (typeof BORROWERS)[number] }[] = [];
  for (const [i, b] of BORROWERS.entries()) {
    const pending = ['applied', 'qualified', 'guaranteed', 'not-qualified', 'guarantee-refused'].includes(b.to);
    clock.date = pending ? '2025-12-08' : '2025-06-02';
    const id = idNumber(b.birth, i);
    await services.registry.createPerson(counter, { idNumber: id, name: b.name, regionCode: REGION, facts: [] });
    const borrower = await registerBound(
      services,
      counter,
      { username: `loan${i + 1}`, password },
      { kind: 'person', idNumber: id, name: b.name, regionCode: REGION },
    );
    const loan = await services.loans.loans.apply(borrower, {
      borrower: 'individual',
      requestedFen: b.wan * 1_000_000,
      termMonths: 36,
      purpose: '创办个体工商户（示例）',
      bankId: bank.id,
      guarantorId: guarantor.id,
    });
    loans.push({ id: loan.id, number: loan.number, b });
    if (b.to === 'applied') continue;
    if (b.to === 'not-qualified') {
      await services.loans.loans.qualify(reviewer, loan.id, false, '经核查，申请人已在外地享受创业担保贷款');
      continue;
    }
    await services.loans.loans.qualify(reviewer, loan.id, true);
    if (b.to === 'qualified') continue;
    if (b.to === 'guarantee-refused') {
      await services.loans.loans.guarantee(guaranteeOfficer, loan.id, {
        approve: false,
        reason: '经营项目风险较高，不予担保',
      });
      continue;
    }
    await services.loans.loans.guarantee(guaranteeOfficer, loan.id, { approve: true, counterGuarantee: false });
    if (b.to === 'guaranteed') continue;
    clock.date = '2025-06-16';
    await services.loans.loans.contract(bankOfficer, loan.id, {
      principalFen: b.wan * 1_000_000,
      annualRateBp: 345,
      termMonths: 36,
      disbursedOn: '2025-06-16',
    });
  }

  // 2025-Q3's statement: every disbursed loan, interest at 3.45% on the balance for 92 days.
  clock.date = '2025-10-10';
  const header = [
    '贷款编号 (loanNumber)',
    '结息期间 (period)',
    '贷款余额（元） (balance)',
    '执行年利率（%） (annualRate)',
    '本期利息（元） (interest)',
    '是否按期还款 (repaidOnTime)',
  ];
  const rows = loans
    .filter((l) => l.b.onTime !== undefined)
    .map((l) => {
      const interestFen = Math.floor((l.b.wan * 1_000_000 * 345 * 92) / (10_000 * 360));
      return [
        l.number,
        '2025-Q3',
        `${l.b.wan * 10000}.00`,
        '3.45',
        `${Math.floor(interestFen / 100)}.${String(interestFen % 100).padStart(2, '0')}`,
        l.b.onTime ? '是' : '否',
      ];
    });
  await services.loans.statements.import(bankOfficer, await toXlsx('结息清单', header, rows));
  clock.date = '2025-10-13';
  await fileSubsidyClaims(db, services.applications, clerk);

  // One claim paid to the bank, the other waiting at acceptance.
  const paid = loans.find((l) => l.b.claim === 'paid');
  const claim = paid
    ? await db.selectFrom('loan_period').select('application_id').where('loan_id', '=', paid.id).executeTakeFirst()
    : undefined;
  if (claim?.application_id) {
    for (const [who, action] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'release'],
    ] as const)
      await services.applications.transition(who, claim.application_id, { action });
    clock.date = '2025-10-20';
    await services.applications.transition(finance, claim.application_id, {
      action: 'pay',
      paymentReference: 'DEMO-LOAN-1',
    });
  }

  // The ends: repaid early, in default, and in default with the guarantee fund's compensation.
  clock.date = '2025-11-28';
  for (const l of loans) {
    if (l.b.to === 'repaid') await services.loans.loans.repay(bankOfficer, l.id, '2025-11-28');
    if (l.b.to === 'defaulted' || l.b.to === 'compensated')
      await services.loans.loans.default(bankOfficer, l.id, '2025-11-15', '连续两期逾期未还款');
    if (l.b.to === 'compensated')
      await services.loans.loans.compensate(guaranteeOfficer, l.id, l.b.wan * 1_000_000 - 500_000, '2025-11-28');
  }
}
