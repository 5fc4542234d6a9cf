import { formatYuan, formatYuanEn } from '@huimin/policy';
import type { UnmatchedReturnRow } from '../db/tables/funds.js';
import type { Language } from '../i18n/messages.js';

export type { UnmatchedReturnRow } from '../db/tables/funds.js';

type Row = Pick<UnmatchedReturnRow, 'code' | 'seq' | 'amountFen' | 'batchAmountFen'>;

const said = (fen: number | null, language: Language) =>
  fen === null
    ? language === 'zh-CN'
      ? '无法识别的金额'
      : 'an amount that cannot be read'
    : language === 'zh-CN'
      ? formatYuan(fen)
      : formatYuanEn(fen);

/** Why a return-file row settled nothing, in the reader's language, with what to do about it. */
const WHY: Record<UnmatchedReturnRow['code'], Record<Language, (row: Row) => string>> = {
  NOT_IN_BATCH: {
    'zh-CN': (r) => `序号 ${r.seq} 不在本批次中`,
    'en-US': (r) => `Sequence ${r.seq} is not in this batch`,
  },
  ACCOUNT_DIFFERS: {
    'zh-CN': (r) => `账号与批次不符：序号 ${r.seq} 的账号不是批次中的收款账号，未作处理，请向银行核实`,
    'en-US': (r) =>
      `The account differs from the batch: sequence ${r.seq} names another account than the one the batch paid; nothing was settled, check with the bank`,
  },
  AMOUNT_DIFFERS: {
    'zh-CN': (r) =>
      `金额与批次不符：序号 ${r.seq} 在批次中为 ${said(r.batchAmountFen ?? null, 'zh-CN')}，回盘文件为 ${said(r.amountFen, 'zh-CN')}，未作处理，请向银行核实`,
    'en-US': (r) =>
      `The amount differs from the batch: sequence ${r.seq} is ${said(r.batchAmountFen ?? null, 'en-US')} in the batch and ${said(r.amountFen, 'en-US')} in the file; nothing was settled, check with the bank`,
  },
  ACCOUNT_OR_AMOUNT_DIFFERS: {
    'zh-CN': () => '账号或金额与批次不符',
    'en-US': () => 'The account or the amount differs from the batch',
  },
  STATUS_UNKNOWN: {
    'zh-CN': () => '处理结果无法识别（应为“成功”或“失败”），未作处理，请向银行核实',
    'en-US': () =>
      'The result is not one the layout knows (success or failure): nothing was settled; check with the bank',
  },
  SETTLEMENT_REFUSED: {
    'zh-CN': () => '拨付被拒绝（职责分离或账务校验），请人工处理',
    'en-US': () => 'The payment was refused (separation of duties or a ledger check): handle it by hand',
  },
};

export function unmatchedReason(row: Row, language: Language): string {
  return WHY[row.code][language](row);
}
