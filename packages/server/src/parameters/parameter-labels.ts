import { CATALOGUE, PARAMETER_LABELS, type ParameterLabel } from '@huimin/policy';
import { noApplicationParameter, type EmploymentTarget, type RiskThreshold } from './server-parameters.js';

/**
 * The names of the parameters the server itself reads (risk thresholds, 免申即享 switches), in the
 * policy package's form, so one lookup names every parameter a region can set.
 */
const RISK_LABELS: Readonly<Record<RiskThreshold, ParameterLabel>> = {
  'risk.shared-account-max': {
    zh: '同一收款账户登记人数上限',
    en: 'People one payee account may serve',
    unit: 'count',
  },
  'risk.shared-phone-max': { zh: '同一手机号登记人数上限', en: 'People one phone number may serve', unit: 'count' },
  'risk.shared-address-max': { zh: '同一地址登记人数上限', en: 'People registered at one address', unit: 'count' },
  'risk.hires-left-months': {
    zh: '拨付后集中离职观察月数',
    en: 'Months after payment to watch hires leave',
    unit: 'months',
  },
  'risk.hires-left-min': { zh: '集中离职预警最少人数', en: 'Fewest hires for the leaving pattern', unit: 'count' },
  'risk.training-attendance-min-permille': {
    zh: '培训出勤率下限',
    en: 'Lowest training attendance',
    unit: 'permille',
  },
  'risk.training-pass-rate-class-size': {
    zh: '全员合格需复核的班级人数',
    en: 'Class size at which an all-pass is reviewed',
    unit: 'count',
  },
};

/** The year's employment targets (181号 第二十八条), head counts a region sets for itself. */
const TARGET_LABELS: Readonly<Record<EmploymentTarget, ParameterLabel>> = {
  'employment-target.new-urban-jobs': {
    zh: '年度目标：城镇新增就业人数',
    en: 'Year’s target: new urban jobs',
    unit: 'count',
  },
  'employment-target.unemployed-reemployed': {
    zh: '年度目标：失业人员再就业人数',
    en: 'Year’s target: unemployed people back in work',
    unit: 'count',
  },
  'employment-target.hard-to-employ-employed': {
    zh: '年度目标：就业困难人员就业人数',
    en: 'Year’s target: people hard to employ, in work',
    unit: 'count',
  },
};

const SERVER_LABELS: Readonly<Record<string, ParameterLabel>> = {
  ...RISK_LABELS,
  ...TARGET_LABELS,
  ...Object.fromEntries(
    CATALOGUE.map((s) => [
      noApplicationParameter(s.id),
      { zh: `免申即享：${s.name.zh}`, en: `No application needed: ${s.name.en}`, unit: 'flag' as const },
    ]),
  ),
};

/** A parameter's name and unit, wherever it is declared; undefined for an id nobody declares. */
export function parameterLabel(parameter: string): ParameterLabel | undefined {
  return PARAMETER_LABELS[parameter] ?? SERVER_LABELS[parameter];
}
