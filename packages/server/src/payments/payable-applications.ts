import type { Actor } from '../auth/actor.js';
import type { PaymentChannel } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { PaymentDeps } from './payment-deps.js';

/** A payable application as it would go into a batch: its payee, account and fund. */
export interface PayableItem {
  id: string;
  number: string;
  amountFen: number;
  fundId: string;
  payee: { name: string; account: string; masked: string; channel: PaymentChannel };
}

export interface PayableGroups {
  /** Keyed `fundId|channel`: one batch each. */
  groups: Map<string, PayableItem[]>;
  /** Application numbers with no payee account, fund or amount. */
  missingAccount: string[];
  /** Application numbers whose last payment failed and whose account has not been corrected since. */
  awaitingCorrection: string[];
}

/**
 * What 生成拨付批次 would take: every payable application in the caller's regions (or only those
 * named) with no payment pending, grouped by fund and channel. A person is paid on their
 * social-security card; a unit, or a person's claim paid to an institution, into the unit's bank
 * account. An application whose last payment failed is held back until its account is corrected:
 * sending the same account again would fail again.
 */
export async function payableGroups(deps: PaymentDeps, actor: Actor, only?: readonly string[]): Promise<PayableGroups> {
  const { db, vault } = deps;
  let query = db
    .selectFrom('application')
    .leftJoin('person', 'person.id', 'application.person_id')
    .leftJoin('organisation', (join) =>
      join.on((eb) =>
        eb('organisation.id', '=', eb.fn.coalesce('application.payee_organisation_id', 'application.organisation_id')),
      ),
    )
    .select([
      'application.id',
      'application.number',
      'application.amount_fen',
      'application.payee_organisation_id',
      'person.name as person_name',
      'person.bank_account_cipher as person_account',
      'person.bank_account_masked as person_masked',
      'organisation.name as organisation_name',
      'organisation.bank_account_cipher as organisation_account',
      'organisation.bank_account_masked as organisation_masked',
      (eb) =>
        eb
          .selectFrom('ledger_transaction')
          .select('fund_id')
          .whereRef('ledger_transaction.application_id', '=', 'application.id')
          .where('ledger_transaction.kind', '=', 'commit')
          .orderBy('ledger_transaction.id', 'desc')
          .limit(1)
          .as('fund_id'),
      (eb) =>
        eb
          .selectFrom('payment_item')
          .select('payment_item.account_cipher')
          .whereRef('payment_item.application_id', '=', 'application.id')
          .where('payment_item.state', '=', 'failed')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('payment_item as later')
                  .select('later.id')
                  .whereRef('later.application_id', '=', 'payment_item.application_id')
                  .whereRef('later.attempt', '>', 'payment_item.attempt'),
              ),
            ),
          )
          .limit(1)
          .as('failed_account'),
    ])
    .where('application.state', '=', 'payable')
    .where('application.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('payment_item')
            .select('payment_item.id')
            .whereRef('payment_item.application_id', '=', 'application.id')
            .where('payment_item.state', '=', 'pending'),
        ),
      ),
    );
  const result: PayableGroups = { groups: new Map(), missingAccount: [], awaitingCorrection: [] };
  if (only?.length === 0) return result;
  if (only) query = query.where('application.id', 'in', only);
  const payable = await query.orderBy('application.number').execute();

  for (const a of payable) {
    const toPerson = a.person_name !== null && a.payee_organisation_id === null;
    const account = toPerson ? a.person_account : a.organisation_account;
    if (!account || !a.fund_id || !a.amount_fen || Number(a.amount_fen) === 0) {
      result.missingAccount.push(a.number);
      continue;
    }
    if (a.failed_account && vault.decrypt(a.failed_account) === vault.decrypt(account)) {
      result.awaitingCorrection.push(a.number);
      continue;
    }
    const item: PayableItem = {
      id: a.id,
      number: a.number,
      amountFen: Number(a.amount_fen),
      fundId: a.fund_id,
      payee: toPerson
        ? { name: a.person_name ?? '', account, masked: a.person_masked ?? '', channel: 'social-security-card' }
        : { name: a.organisation_name ?? '', account, masked: a.organisation_masked ?? '', channel: 'bank-account' },
    };
    const key = `${item.fundId}|${item.payee.channel}`;
    const group = result.groups.get(key);
    if (group) group.push(item);
    else result.groups.set(key, [item]);
  }
  return result;
}
