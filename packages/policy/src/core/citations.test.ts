import { describe, expect, it } from 'vitest';
import { chineseNumber, citationIn } from './citations.js';

describe('citations in the page’s language', () => {
  it('reads the numerals the articles use', () => {
    expect([chineseNumber('八'), chineseNumber('十'), chineseNumber('十六'), chineseNumber('二十三')]).toEqual([
      8, 10, 16, 23,
    ]);
    expect(chineseNumber('16')).toBe(16);
    expect([chineseNumber('一百'), chineseNumber('一百零一'), chineseNumber('一百二十三')]).toEqual([100, 101, 123]);
  });

  it('leaves a Chinese page’s citation as written', () => {
    expect(citationIn('财社〔2023〕181号 第十六条（四）', 'zh-CN')).toBe('财社〔2023〕181号 第十六条（四）');
  });

  it('numbers articles, paragraphs and items in English, keeping the document’s own name', () => {
    expect(citationIn('财社〔2023〕181号 第二十三条', 'en-US')).toBe('财社〔2023〕181号 Art. 23');
    expect(citationIn('财社〔2023〕181号 第十六条（四）', 'en-US')).toBe('财社〔2023〕181号 Art. 16(4)');
    expect(citationIn('庆政办发〔2023〕102号 第8条', 'en-US')).toBe('庆政办发〔2023〕102号 Art. 8');
    expect(citationIn('川办发〔2024〕34号 （十四）', 'en-US')).toBe('川办发〔2024〕34号 (14)');
    expect(citationIn('某办法 第三条第（二）项', 'en-US')).toBe('某办法 Art. 3 item (2)');
    expect(citationIn('某办法 第五条第二款', 'en-US')).toBe('某办法 Art. 5 para. 2');
    expect(citationIn('某条例 第三章第十条', 'en-US')).toBe('某条例 Ch. 3 Art. 10');
    expect(citationIn('四川 办法 第十六—十八条', 'en-US')).toBe('四川 办法 Arts. 16–18');
    expect(citationIn('某法 第一百零一条', 'en-US')).toBe('某法 Art. 101');
    expect(citationIn('《贵州省就业创业补贴办法》 二（六）', 'en-US')).toBe('《贵州省就业创业补贴办法》 2(6)');
  });

  it('leaves what is not a number alone', () => {
    expect(citationIn('川办发〔2024〕34号 末段（施行期限）', 'en-US')).toBe('川办发〔2024〕34号 末段（施行期限）');
  });
});
