import { describe, expect, it } from 'vitest';
import { TEXT_PARAMETERS } from '../catalogue.js';
import { ParameterTable, type ParameterValue } from '../core/parameters.js';
import { DEFERRED_MATERIALS_WORKING_DAYS, deferredMaterialsParameter, deferredMaterialsRule } from './acceptance.js';

const STARTUP = deferredMaterialsParameter('one-time-startup');
/** 成都 allows 容缺受理 for the start-up subsidy by a document of its own from 1 December 2026. */
const CHENGDU_ALLOWS: ParameterValue[] = [
  {
    parameter: STARTUP,
    region: '510100',
    from: '2026-12-01',
    value: 1,
    source: 'local-setting',
    note: '成人社发〔2026〕1号 容缺受理清单',
  },
  {
    parameter: DEFERRED_MATERIALS_WORKING_DAYS,
    region: '510100',
    from: '2026-12-01',
    value: 10,
    source: 'local-setting',
    note: '成人社发〔2026〕1号 第三条',
  },
];
const rule = (values: readonly ParameterValue[], subsidy: string, region: string, on: string) =>
  deferredMaterialsRule(new ParameterTable([...TEXT_PARAMETERS, ...values]), subsidy, region, on);

describe('容缺受理: accepting an application whose materials are to follow', () => {
  it('no text allows it: every subsidy starts at "not allowed", cited to 财社〔2023〕181号 第二十三条', () => {
    expect(rule([], 'one-time-startup', '510104', '2026-11-23')).toEqual({
      allowed: false,
      cites: '财社〔2023〕181号 第二十三条',
    });
    expect(rule([], 'one-time-job-seeking', '621000', '2024-03-01')).toMatchObject({ allowed: false });
  });

  it('a region allows it with its own document from the day that document takes effect, and not the day before', () => {
    expect(rule(CHENGDU_ALLOWS, 'one-time-startup', '510104', '2026-11-30')).toMatchObject({ allowed: false });
    expect(rule(CHENGDU_ALLOWS, 'one-time-startup', '510104', '2026-12-01')).toEqual({
      allowed: true,
      workingDays: 10,
      basis: '成人社发〔2026〕1号 容缺受理清单；成人社发〔2026〕1号 第三条',
    });
  });

  it('only for the subsidy its document names, and only in that region and those below it', () => {
    expect(rule(CHENGDU_ALLOWS, 'one-time-job-seeking', '510104', '2026-12-02')).toMatchObject({ allowed: false });
    expect(rule(CHENGDU_ALLOWS, 'one-time-startup', '621002', '2026-12-02')).toMatchObject({ allowed: false });
  });

  it('allowed without a deadline is not allowed: a promise needs a day to keep it by', () => {
    const noDeadline = CHENGDU_ALLOWS.filter((v) => v.parameter === STARTUP);
    expect(rule(noDeadline, 'one-time-startup', '510104', '2026-12-02')).toMatchObject({ allowed: false });
  });

  it('a county may switch it off again under a city that allows it', () => {
    const countyOff: ParameterValue = {
      parameter: STARTUP,
      region: '510104',
      from: '2026-12-05',
      value: 0,
      source: 'local-setting',
      note: '锦江区 暂停容缺受理',
    };
    expect(rule([...CHENGDU_ALLOWS, countyOff], 'one-time-startup', '510104', '2026-12-04')).toMatchObject({
      allowed: true,
    });
    expect(rule([...CHENGDU_ALLOWS, countyOff], 'one-time-startup', '510104', '2026-12-05')).toMatchObject({
      allowed: false,
    });
  });
});
