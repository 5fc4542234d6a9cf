import type { UnmatchedReturnRow } from '../db/tables/funds.js';
import type { Language } from '../i18n/messages.js';

export type { UnmatchedReturnRow } from '../db/tables/funds.js';

/** Why a return-file row settled nothing, in the reader's language (never both at once). */
const WHY: Record<UnmatchedReturnRow['code'], Record<Language, (seq: string) => string>> = {
  NOT_IN_BATCH: {
    'zh-CN': (seq) => `序号 ${seq} 不在本批次中`,
    'en-US': (seq) => `Sequence ${seq} is not in this batch`,
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

export function unmatchedReason(row: Pick<UnmatchedReturnRow, 'code' | 'seq'>, language: Language): string {
  return WHY[row.code][language](row.seq);
}
