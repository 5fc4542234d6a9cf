import { formatYuan, formatYuanEn } from '@huimin/policy';
import type { NotificationKind } from '../db/tables/notifications.js';

/** What a message names: the application (none for an offer), the subsidy by its name, and the event's own details. */
export interface NoticeWords {
  readonly number: string;
  readonly subsidy: string;
  readonly params: Readonly<Record<string, string>>;
}

/** `sms`: the text message, read outside the platform; otherwise the message read in it. */
type Text = (w: NoticeWords, sms?: boolean) => string;

/** Where to look: a text message says to sign in first; a message read on the platform need not. */
const lookIn = (sms?: boolean) => (sms ? '请登录惠民平台，在' : '请在');

const amount = (w: NoticeWords) => formatYuan(Number(w.params.amountFen ?? 0));
const amountEn = (w: NoticeWords) => formatYuanEn(Number(w.params.amountFen ?? 0));
/**
 * The reason as a sentence of the message: staff type it with or without a stop, so its own trailing
 * stop or comma gives way to the message's, and a question or exclamation keeps its mark alone.
 */
function reasonSaid(w: NoticeWords, stop: '。' | '.'): string {
  const typed = (w.params.reason ?? '').trim().replace(/[。．.；;，,、\s]+$/u, '');
  return /[？?！!]$/u.test(typed) ? typed : typed + stop;
}
const reason = (w: NoticeWords) => reasonSaid(w, '。');
const reasonEn = (w: NoticeWords) => reasonSaid(w, '.');

const loanNumber = (w: NoticeWords) => w.params.number ?? '';
const lent = (w: NoticeWords) => formatYuan(Number(w.params.principalFen ?? 0));
const lentEn = (w: NoticeWords) => formatYuanEn(Number(w.params.principalFen ?? 0));

/** A loan's message by the state its step reached: what was decided, and what the borrower does next. */
const LOAN_TEXTS: Record<string, { zh: Text; en: Text }> = {
  qualified: {
    zh: (w) => `您的创业担保贷款（${loanNumber(w)}）已通过资格审核，现由担保机构审核担保。`,
    en: (w) =>
      `Your start-up guaranteed loan (${loanNumber(w)}) passed the qualification review; the guarantor now decides on the guarantee.`,
  },
  'not-qualified': {
    zh: (w) => `您的创业担保贷款（${loanNumber(w)}）未通过资格审核：${reason(w)}如有疑问，请咨询当地人社部门。`,
    en: (w) =>
      `Your start-up guaranteed loan (${loanNumber(w)}) did not pass the qualification review: ${reasonEn(w)} Ask the local human resources bureau if in doubt.`,
  },
  guaranteed: {
    zh: (w) => `您的创业担保贷款（${loanNumber(w)}）担保已通过，请与经办银行联系签订借款合同、办理放款。`,
    en: (w) =>
      `Your start-up guaranteed loan (${loanNumber(w)}) is guaranteed. Contact the lending bank to sign the contract and draw the loan.`,
  },
  'guarantee-refused': {
    zh: (w) => `担保机构对您的创业担保贷款（${loanNumber(w)}）不予担保：${reason(w)}如有疑问，请咨询担保机构。`,
    en: (w) =>
      `The guarantor refused to guarantee your start-up loan (${loanNumber(w)}): ${reasonEn(w)} Ask the guarantor if in doubt.`,
  },
  active: {
    zh: (w) =>
      `您的创业担保贷款（${loanNumber(w)}）已于${w.params.disbursedOn ?? ''}放款${lent(w)}。请按期还款，按期还款的季度可享受财政贴息。`,
    en: (w) =>
      `Your start-up guaranteed loan (${loanNumber(w)}) of ${lentEn(w)} was disbursed on ${w.params.disbursedOn ?? ''}. Repay on time: each quarter repaid on time earns the interest subsidy.`,
  },
};

/** Each kind in both languages, saying what happened and what the applicant can do next. */
const TEXTS: Record<NotificationKind, { zh: Text; en: Text }> = {
  'filed-for-you': {
    zh: (w) => `已为您免申办理${w.subsidy}（${w.number}），无需另行申请，现进入审核。`,
    en: (w) => `${w.subsidy} (${w.number}) was filed for you without an application and is now under review.`,
  },
  accepted: {
    zh: (w) => `您的${w.subsidy}申请（${w.number}）已受理，现进入审核。`,
    en: (w) => `Your application for ${w.subsidy} (${w.number}) was accepted and is now under review.`,
  },
  returned: {
    zh: (w) => `您的${w.subsidy}申请（${w.number}）需补正：${reason(w)}请按要求补正后重新提交。`,
    en: (w) =>
      `Your application for ${w.subsidy} (${w.number}) needs correcting: ${reasonEn(w)} Correct it and submit it again.`,
  },
  'not-accepted': {
    zh: (w) => `您的${w.subsidy}申请（${w.number}）不予受理：${reason(w)}如有疑问，请咨询经办窗口。`,
    en: (w) =>
      `Your application for ${w.subsidy} (${w.number}) was not accepted: ${reasonEn(w)} Ask at the service counter if in doubt.`,
  },
  rejected: {
    zh: (w) => `您的${w.subsidy}申请（${w.number}）未通过审核：${reason(w)}如有异议，可向经办机构申请复核。`,
    en: (w) =>
      `Your application for ${w.subsidy} (${w.number}) was rejected: ${reasonEn(w)} You may ask the bureau to look at it again.`,
  },
  approved: {
    zh: (w) => `您的${w.subsidy}申请（${w.number}）已审批通过，核定金额${amount(w)}。`,
    en: (w) => `Your application for ${w.subsidy} (${w.number}) was approved for ${amountEn(w)}.`,
  },
  publicised: {
    zh: (w) =>
      `您的${w.subsidy}申请（${w.number}）正在公示，公示期至${w.params.publicityEndsOn ?? ''}，期满无异议后拨付。`,
    en: (w) =>
      `Your application for ${w.subsidy} (${w.number}) is on public notice until ${w.params.publicityEndsOn ?? ''}; it is paid after that if no one objects.`,
  },
  paid: {
    zh: (w) =>
      `您的${w.subsidy}（${w.number}）${amount(w)}已拨付至${w.params.payee ? `${w.params.payee}的账户` : '您登记的银行账户'}。`,
    en: (w) =>
      `${amountEn(w)} of ${w.subsidy} (${w.number}) was paid to ${w.params.payee ? `the account of ${w.params.payee}` : 'your registered bank account'}.`,
  },
  'payment-failed': {
    zh: (w) =>
      `您的${w.subsidy}（${w.number}）拨付未成功：${reason(w)}请到经办窗口核对或更正银行账户，更正后将重新拨付。`,
    en: (w) =>
      `Paying ${w.subsidy} (${w.number}) failed: ${reasonEn(w)} Check or correct your bank account at the service counter; it is paid again once corrected.`,
  },
  offered: {
    zh: (w, sms) =>
      `经数据比对，您符合${w.subsidy}的享受条件${w.params.amountFen ? `，金额${amount(w)}` : ''}，无需提交申请。${lookIn(sms)}“可享政策”中确认领取。`,
    en: (w) =>
      `Shared records show you qualify for ${w.subsidy}${w.params.amountFen ? ` (${amountEn(w)})` : ''} without applying. Confirm it under "Offers for me".`,
  },
  referred: {
    zh: (w, sms) =>
      `就业服务机构为您推荐了岗位：${w.params.employer ?? ''}“${w.params.posting ?? ''}”。${lookIn(sms)}“我的求职”中查看；如不考虑该岗位，可在该处说明原因。`,
    en: (w) =>
      `The employment service referred you to a job: "${w.params.posting ?? ''}" at ${w.params.employer ?? ''}. See it under "My job search", where you can also decline it and say why.`,
  },
  loan: {
    zh: (w) => LOAN_TEXTS[w.params.state ?? '']?.zh(w) ?? `您的创业担保贷款（${w.params.number ?? ''}）状态已更新。`,
    en: (w) =>
      LOAN_TEXTS[w.params.state ?? '']?.en(w) ??
      `Your start-up guaranteed loan (${w.params.number ?? ''}) has changed.`,
  },
  revoked: {
    zh: (w) => `您的${w.subsidy}（${w.number}）已被撤销：${reason(w)}已拨付的资金将依法追回。`,
    en: (w) => `${w.subsidy} (${w.number}) was revoked: ${reasonEn(w)} Money already paid will be recovered.`,
  },
};

export function noticeText(kind: NotificationKind, language: 'zh' | 'en', words: NoticeWords): string {
  return TEXTS[kind][language](words);
}

/** The text message: Chinese, signed, as a gateway sends it. */
export function smsText(kind: NotificationKind, words: NoticeWords): string {
  return `【惠民】${TEXTS[kind].zh(words, true)}`;
}
