import { describe, expect, it } from 'vitest';
import { noticeText, smsText } from './notification-texts.js';

const returned = (reason: string) => ({ number: 'SQ-1', subsidy: '一次性求职创业补贴', params: { reason } });

describe('a reason inside a message', () => {
  it('ends with the sentence’s one full stop, whatever stop staff typed', () => {
    for (const typed of ['缺少毕业证书', '缺少毕业证书。', '缺少毕业证书。 ', '缺少毕业证书；', '缺少毕业证书，']) {
      expect(noticeText('returned', 'zh', returned(typed))).toBe(
        '您的一次性求职创业补贴申请（SQ-1）需补正：缺少毕业证书。请按要求补正后重新提交。',
      );
    }
    expect(smsText('rejected', returned('不符合条件。'))).toContain('未通过审核：不符合条件。如有异议');
  });

  it('in English too', () => {
    expect(noticeText('returned', 'en', returned('The diploma is missing.'))).toContain(
      'needs correcting: The diploma is missing. Correct it',
    );
  });

  it('keeps a stop inside the reason, and a question’s own mark at its end', () => {
    expect(noticeText('rejected', 'zh', returned('户籍不在本市。社保未满6个月？'))).toContain(
      '未通过审核：户籍不在本市。社保未满6个月？如有异议',
    );
    expect(noticeText('rejected', 'en', returned('Why two accounts?'))).toContain(
      'rejected: Why two accounts? You may',
    );
  });
});

describe('where to look', () => {
  const offer = { number: '', subsidy: '一次性求职创业补贴', params: { amountFen: '150000' } };
  it('a message read on the platform says where, a text message says to sign in first', () => {
    expect(noticeText('offered', 'zh', offer)).toContain('无需提交申请。请在“可享政策”中确认领取。');
    expect(smsText('offered', offer)).toContain('无需提交申请。请登录惠民平台，在“可享政策”中确认领取。');
    const referral = { number: '', subsidy: '', params: { employer: '示例公司', posting: '会计' } };
    expect(noticeText('referred', 'zh', referral)).toContain('。请在“我的求职”中查看；');
    expect(smsText('referred', referral)).toContain('。请登录惠民平台，在“我的求职”中查看；');
  });
});
