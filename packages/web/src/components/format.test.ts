import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fenAsYuanInput,
  formatFen,
  formatPermille,
  isAfterTodayInShanghai,
  parseYuan,
  pickLabel,
  punctuation,
  todayInShanghai,
  yuanToFen,
} from './format.js';

describe('money on screen', () => {
  it('places the decimal point of integer fen, never rounding', () => {
    expect(formatFen(150_000, 'zh-CN')).toBe('1,500元');
    expect(formatFen(150_050, 'zh-CN')).toBe('1,500.50元');
    expect(formatFen(1, 'en-US')).toBe('¥0.01');
    expect(formatFen(-123_456_789, 'en-US')).toBe('-¥1,234,567.89');
  });

  it('reads an amount typed in 元 as fen, and refuses anything else', () => {
    expect(parseYuan('1,500.5')).toBe(150_050);
    expect(parseYuan(' 0.01 ')).toBe(1);
    expect(parseYuan('1500')).toBe(150_000);
    expect(parseYuan('1.234')).toBeUndefined();
    expect(parseYuan('-5')).toBeUndefined();
    expect(parseYuan('1e3')).toBeUndefined();
  });

  it('proposes an amount in a form as 元 that reads back as the same fen', () => {
    expect(fenAsYuanInput(12_500_000)).toBe('125000.00');
    expect(fenAsYuanInput(7)).toBe('0.07');
    for (const fen of [0, 1, 99, 100, 150_050, 123_456_789]) expect(parseYuan(fenAsYuanInput(fen))).toBe(fen);
  });

  it('turns a form’s amount in 元 into fen, whatever the float makes of the cents', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(250)).toBe(25_000);
  });

  it('shows a per-mille rate as a percentage', () => {
    expect(formatPermille(875)).toBe('87.5%');
    expect(formatPermille(1000)).toBe('100.0%');
  });
});

describe('a state’s name on a tag', () => {
  it('starts with a capital in English and stays as written in Chinese', () => {
    expect(pickLabel({ zh: '已复核', en: 'approved' }, 'en-US')).toBe('Approved');
    expect(pickLabel({ zh: '退回补正', en: 'returned for correction' }, 'en-US')).toBe('Returned for correction');
    expect(pickLabel({ zh: '已复核', en: 'approved' }, 'zh-CN')).toBe('已复核');
    expect(pickLabel(undefined, 'en-US')).toBe('');
  });
});

describe('punctuation in the page language', () => {
  it('is full-width in Chinese and ASCII in English, so an English sentence carries no Chinese marks', () => {
    expect(punctuation('zh-CN')).toEqual({ open: '（', close: '）', colon: '：', semicolon: '；', list: '、' });
    expect(punctuation('en-US')).toEqual({ open: ' (', close: ')', colon: ': ', semicolon: '; ', list: ', ' });
  });
});

describe('today, as the bureau counts days', () => {
  afterEach(() => vi.useRealTimers());

  it('is already the new day in Shanghai at 16:00 UTC, whatever the browser’s zone says', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-31T16:00:00Z') });
    expect(todayInShanghai()).toBe('2027-01-01');
    expect(isAfterTodayInShanghai(dayjs('2027-01-01'))).toBe(false);
    expect(isAfterTodayInShanghai(dayjs('2027-01-02'))).toBe(true);
  });

  it('is still the old day a minute before', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-31T15:59:00Z') });
    expect(todayInShanghai()).toBe('2026-12-31');
    expect(isAfterTodayInShanghai(dayjs('2026-12-31'))).toBe(false);
    expect(isAfterTodayInShanghai(dayjs('2027-01-01'))).toBe(true);
  });
});
