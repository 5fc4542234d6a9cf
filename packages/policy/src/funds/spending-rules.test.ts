import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue.js';
import { drawOrder, fundMayPay, serviceCeilingApplies } from './spending-rules.js';

const subsidy = (id: string) => {
  const s = CATALOGUE.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe('spending rules', () => {
  it('四川 provincial funds pay no social-insurance or post subsidy (四川 办法 第十一条)', () => {
    expect(fundMayPay('provincial-employment', '510000', subsidy('public-welfare-post'))).toMatchObject({
      allowed: false,
      cites: '《四川省中央和省级财政就业创业补助资金管理办法》 第十一条',
    });
    expect(
      fundMayPay('provincial-employment', '510000', subsidy('social-insurance-flexible-hard-to-employ')).allowed,
    ).toBe(false);
    expect(fundMayPay('provincial-employment', '510000', subsidy('vocational-training')).allowed).toBe(true);
    expect(fundMayPay('central-employment', '510000', subsidy('public-welfare-post')).allowed).toBe(true);
  });

  it('employment funds pay no start-up loan interest (181号 第十六条（四）)', () => {
    expect(fundMayPay('central-employment', '510000', subsidy('startup-loan-interest'))).toMatchObject({
      allowed: false,
      cites: '财社〔2023〕181号 第十六条（四）',
    });
  });

  it('the inclusive-finance fund (普惠金融发展专项资金) pays loan interest and nothing else', () => {
    expect(fundMayPay('inclusive-finance', '510000', subsidy('startup-loan-interest')).allowed).toBe(true);
    expect(drawOrder(subsidy('startup-loan-interest'))).toEqual(['inclusive-finance']);
    expect(fundMayPay('inclusive-finance', '510000', subsidy('vocational-training')).allowed).toBe(false);
  });

  it('each subsidy draws only on its own family, the most local source first', () => {
    expect(fundMayPay('unemployment-insurance', '510000', subsidy('vocational-training')).allowed).toBe(false);
    expect(drawOrder(subsidy('vocational-training'))[0]).toBe('county-employment');
    expect(drawOrder(subsidy('skill-upgrading'))).toEqual(['unemployment-insurance']);
  });

  it("就业创业服务补助 counts toward 四川's 15% service ceiling; 高技能人才培养补助, a separate item of 第七条, does not", () => {
    expect(serviceCeilingApplies('central-employment', '510000', 'employment-service')).toBe(true);
    expect(serviceCeilingApplies('provincial-employment', '510000', 'employment-service')).toBe(true);
    expect(serviceCeilingApplies('county-employment', '510104', 'employment-service')).toBe(false);
    expect(serviceCeilingApplies('central-employment', '510000', 'high-skill-training')).toBe(false);
  });
});
