import { wan, yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { GWR, GZ2022, QY102, SC34 } from '../rules/common.js';

/** Amounts and thresholds for employer subsidies stated in the texts. */
export const employerParameters: ParameterList = {
  source: import.meta.url,
  values: [
    // 一次性吸纳就业补贴
    { parameter: 'hiring.per-person', region: '621000', from: '2023-10-27', to: '2023-12-31', value: yuan(1000), source: 'text', citation: QY102('第8条') },
    { parameter: 'hiring.per-person', region: '510000', from: '2024-07-13', to: '2025-12-31', value: yuan(2000), source: 'text', citation: SC34('（四）') },
    { parameter: 'hiring.per-person', region: '520000', from: '2022-01-14', value: yuan(500), source: 'text', citation: GZ2022('二（五）') },
    // 一次性扩岗补助
    { parameter: 'expansion.per-person', region: '621000', from: '2023-10-27', to: '2023-12-31', value: yuan(1500), source: 'text', citation: QY102('第8条') },
    // 全国城镇调查失业率控制目标 of each year, per mille, from the day the report sets it to the year's
    // end: 川办发〔2024〕34号 (三) caps last year's layoff rate at last year's target, read on 31 December.
    { parameter: 'unemployment-rate-target-permille', region: '000000', from: '2023-03-05', to: '2023-12-31', value: 55, source: 'text', citation: GWR(2023), note: '城镇调查失业率5.5%左右' },
    { parameter: 'unemployment-rate-target-permille', region: '000000', from: '2024-03-05', to: '2024-12-31', value: 55, source: 'text', citation: GWR(2024), note: '城镇调查失业率5.5%左右' },
    { parameter: 'unemployment-rate-target-permille', region: '000000', from: '2025-03-05', to: '2025-12-31', value: 55, source: 'text', citation: GWR(2025), note: '城镇调查失业率5.5%左右' },
    // 失业保险稳岗返还: layoff-rate thresholds and return shares, per mille.
    { parameter: 'stabilization.layoff-rate-permille', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 55, source: 'text', citation: QY102('第1条') },
    { parameter: 'stabilization.small-unit-staff', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 30, source: 'text', citation: QY102('第1条') },
    { parameter: 'stabilization.small-unit-layoff-rate-permille', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 200, source: 'text', citation: QY102('第1条') },
    { parameter: 'stabilization.return-large-permille', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 300, source: 'text', citation: QY102('第1条') },
    { parameter: 'stabilization.return-sme-permille', region: '621000', from: '2023-10-27', to: '2023-12-31', value: 600, source: 'text', citation: QY102('第1条') },
    { parameter: 'stabilization.small-unit-staff', region: '510000', from: '2024-07-13', to: '2024-12-31', value: 30, source: 'text', citation: SC34('（三）') },
    { parameter: 'stabilization.small-unit-layoff-rate-permille', region: '510000', from: '2024-07-13', to: '2024-12-31', value: 200, source: 'text', citation: SC34('（三）') },
    { parameter: 'stabilization.return-large-permille', region: '510000', from: '2024-07-13', to: '2024-12-31', value: 300, source: 'text', citation: SC34('（三）') },
    { parameter: 'stabilization.return-sme-permille', region: '510000', from: '2024-07-13', to: '2024-12-31', value: 600, source: 'text', citation: SC34('（三）') },
    { parameter: 'stabilization.paid-months', region: '510000', from: '2024-07-13', to: '2024-12-31', value: 12, source: 'text', citation: SC34('（三）') },
    // 就业帮扶基地、就业援助基地、见习基地 one-time awards
    { parameter: 'assistance-base.award', region: '510000', from: '2024-07-13', to: '2025-12-31', value: wan(5), source: 'text', citation: SC34('（十六）') },
    { parameter: 'assistance-base.min-hires', region: '510000', from: '2024-07-13', to: '2025-12-31', value: 10, source: 'text', citation: SC34('（十六）') },
    { parameter: 'assistance-base.award', region: '520000', from: '2022-01-14', value: wan(3), source: 'text', citation: GZ2022('二（三）') },
    { parameter: 'assistance-workshop.award', region: '520000', from: '2022-01-14', value: wan(1), source: 'text', citation: GZ2022('二（三）') },
    { parameter: 'assistance-base-provincial-model.award', region: '520000', from: '2022-01-14', value: wan(10), source: 'text', citation: GZ2022('二（三）') },
    { parameter: 'internship-base-national.award', region: '510000', from: '2024-07-13', to: '2025-12-31', value: wan(30), source: 'text', citation: SC34('（十三）') },
    { parameter: 'internship-base-provincial.award', region: '510000', from: '2024-07-13', to: '2025-12-31', value: wan(20), source: 'text', citation: SC34('（十三）') },
  ],
};
