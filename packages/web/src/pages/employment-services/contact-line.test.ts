import { describe, expect, it } from 'vitest';
import { contactLine } from './contact-line.js';

describe('a logged contact as the case shows it', () => {
  it('says its kind once, even when the note began with it', () => {
    expect(contactLine('2026-12-01', '岗位推荐', '岗位推荐：锦城机械 车工', 'zh-CN')).toBe(
      '2026-12-01 岗位推荐：锦城机械 车工',
    );
    expect(contactLine('2026-12-01', '岗位推荐', '锦城机械「车工」', 'zh-CN')).toBe(
      '2026-12-01 岗位推荐：锦城机械「车工」',
    );
    expect(contactLine('2026-12-01', 'Referral', 'Referred to Lathe operator', 'en-US')).toBe(
      '2026-12-01 Referral: Referred to Lathe operator',
    );
  });
});
