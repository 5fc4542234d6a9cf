import type { FundSource } from '@huimin/policy';
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** Funds, the double-entry ledger, payment batches and published allocations. */

export type LedgerAccountKind = 'treasury' | 'available' | 'committed' | 'paid' | 'recovered';
export type LedgerTransactionKind =
  'issue' | 'allocate' | 'commit' | 'release' | 'pay' | 'payment-returned' | 'recover';

export interface FundTable {
  id: Generated<string>;
  code: string;
  name: string;
  source: FundSource;
  year: number;
  region_code: string;
  created_at: CreatedAt;
}

export interface LedgerAccountTable {
  id: Generated<string>;
  fund_id: string;
  region_code: string;
  kind: LedgerAccountKind;
  balance_fen: Generated<string>;
}

export interface LedgerTransactionTable {
  id: Generated<string>;
  kind: LedgerTransactionKind;
  fund_id: string;
  amount_fen: string;
  region_code: string;
  application_id: string | null;
  subsidy_id: string | null;
  attempt: number | null;
  idempotency_key: string | null;
  memo: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface LedgerEntryTable {
  transaction_id: string;
  account_id: string;
  amount_fen: string;
}

export type PaymentChannel = 'social-security-card' | 'bank-account';

export interface PaymentBatchTable {
  id: Generated<string>;
  number: string;
  fund_id: string;
  channel: PaymentChannel;
  region_code: string;
  layout: string;
  state: 'open' | 'exported' | 'reconciled';
  item_count: number;
  total_fen: string;
  created_by: string;
  created_at: CreatedAt;
  exported_at: Date | null;
  exported_by: string | null;
  file_sha256: string | null;
}

export interface PaymentItemTable {
  id: Generated<string>;
  batch_id: string;
  seq: number;
  application_id: string;
  attempt: number;
  amount_fen: string;
  payee_name: string;
  account_cipher: string;
  account_masked: string;
  state: 'pending' | 'paid' | 'failed';
  failure_reason: string | null;
  bank_reference: string | null;
  settled_at: Date | null;
}

/** A return-file row that settled nothing: why (a code), and what it said, the account masked. */
export interface UnmatchedReturnRow {
  row: number;
  /** `ACCOUNT_OR_AMOUNT_DIFFERS`: files imported before the two were told apart (2026-12-05). */
  code:
    | 'NOT_IN_BATCH'
    | 'ACCOUNT_DIFFERS'
    | 'AMOUNT_DIFFERS'
    | 'ACCOUNT_OR_AMOUNT_DIFFERS'
    | 'SETTLEMENT_REFUSED'
    | 'STATUS_UNKNOWN';
  seq: string;
  accountMasked: string;
  name: string;
  amountFen: number | null;
  /** What the batch paid for the sequence, where the file's amount differs from it. */
  batchAmountFen?: number;
}

export interface BankReturnTable {
  id: Generated<string>;
  batch_id: string;
  file_sha256: string;
  rows: number;
  paid: number;
  failed: number;
  unmatched: number;
  /** The rows that matched no item of the batch (see payments/import-return.ts). */
  unmatched_rows: ColumnType<UnmatchedReturnRow[], string | undefined, string>;
  imported_by: string;
  imported_at: CreatedAt;
  /** `importing` while its rows are being settled (migration 0036), then `imported`. */
  state: Generated<'importing' | 'imported'>;
  /** Items paid earlier and sent back by the bank with this file (退票). */
  returned: Generated<number>;
  /** The file, encrypted, while it is being imported. */
  file_cipher: string | null;
  /** The run importing the file is taken as alive until then. */
  lease_until: Date | null;
  finished_at: Date | null;
}

export interface AllocationPublicationTable {
  id: Generated<string>;
  title: string;
  scheme: string;
  region_code: string;
  total_fen: string;
  result: Json;
  published_by: string;
  published_at: CreatedAt;
}
