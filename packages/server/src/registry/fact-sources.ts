import type { ClaimFacts, OrganisationFacts, PersonFacts, PersonStatusKind, Text } from '@huimin/policy';
import type { ReferenceKind } from '../db/schema.js';

/**
 * Where each fact the engine reads comes from (181号 第二十三条: what information systems or data
 * sharing can provide is not asked of the applicant on paper):
 * - `reference`: a dataset the bureau loads (市场监管 business registry, social insurance, …);
 * - `platform`: a record this platform keeps (实名登记, employment services, training, payments);
 * - `declaration`: what no source holds, declared by the applicant with evidence and confirmed by
 *   the clerk at acceptance.
 * Typed as complete records, so a fact added to the format cannot go without its source.
 */
export type FactSource =
  | { readonly kind: 'reference'; readonly dataset: ReferenceKind }
  | { readonly kind: 'platform'; readonly record: 'identity' | 'employment-services' | 'training' | 'payments' }
  | { readonly kind: 'declaration'; readonly evidence: Text };

export interface FactField {
  readonly label: Text;
  readonly source: FactSource;
  /** What the applicant does when a condition reading this fact is unmet. */
  readonly how: Text;
  /** The registry fact kind that holds it, when it is one. */
  readonly registryKind?: string;
}

const t = (zh: string, en: string): Text => ({ zh, en });
const IDENTITY: FactSource = { kind: 'platform', record: 'identity' };
const identity = (zh: string, en: string): FactField => ({
  label: t(zh, en),
  source: IDENTITY,
  how: t('来自实名登记的身份信息；如有误请到经办窗口更正', 'From the real-name record; a counter corrects it if wrong'),
});

/** Contributions, as social insurance shares them. */
const SHARED_INSURANCE = {
  source: { kind: 'reference', dataset: 'social-insurance' },
  how: t('按社保经办机构共享的缴费记录核验', 'Checked against the contribution records shared by social insurance'),
} as const;

const SUBSIDIES_RECEIVED: FactField = {
  label: t('已享受的补贴', 'Subsidies received'),
  source: { kind: 'platform', record: 'payments' },
  how: t('按已发放记录判断，无需提供', 'Read from payments already made; nothing to provide'),
  registryKind: 'subsidy',
};

export const PERSON_FACT_FIELDS: Readonly<Record<Exclude<keyof PersonFacts, 'kind'>, FactField>> = {
  idNumber: identity('身份证号码', 'ID number'),
  birthDate: identity('出生日期', 'Date of birth'),
  sex: identity('性别', 'Sex'),
  name: identity('姓名', 'Name'),
  retirementCategory: identity('退休年龄类别', 'Retirement-age category'),
  hukouRegion: identity('户籍地', 'Household registration'),
  rural: identity('农村户籍', 'Rural household registration'),
  householdId: identity('家庭户', 'Household'),
  statuses: {
    label: t('人员身份', 'Statuses'),
    source: { kind: 'platform', record: 'employment-services' },
    // 低保、特困 (民政) and 脱贫人口、防止返贫监测对象 (乡村振兴) are verified from the lists the bureau
    // loads where they hold the person; otherwise declared with the certificate, as veterans' status is.
    how: t(
      '失业登记、就业困难人员认定由就业服务机构办理；低保、特困、脱贫人口、防止返贫监测对象按民政和乡村振兴部门名单自动核验，名单未收录的可申报并上传证明；退役、残疾等身份可申报并上传证件',
      'Unemployment registration and hardship certification are done by an employment office; dibao, tekun, poverty-alleviated and monitored status is checked against the civil-affairs and rural-revitalisation lists, and can be declared with proof where they do not hold you; veteran or disability status can be declared with its certificate',
    ),
    registryKind: 'status',
  },
  graduation: {
    label: t('毕业（离校）时间及院校类别', 'Graduation date and kind of school'),
    source: { kind: 'declaration', evidence: t('毕业证书或学历证明', 'Diploma or certificate of education') },
    // Verified from the graduate records when the bureau has loaded them and they hold the person;
    // otherwise (another province, an older year) declared with the diploma.
    how: t(
      '教育部门毕业生数据已收录的自动核验；未收录的申报毕业时间和院校类别，并上传毕业证书',
      'Checked against the graduate records where they hold you; otherwise declare when you graduated and from what kind of school, with your diploma',
    ),
    registryKind: 'graduation',
  },
  employments: {
    label: t('就业记录', 'Employment'),
    source: { kind: 'platform', record: 'employment-services' },
    how: t('就业登记由用人单位或就业服务机构办理', 'Employment is registered by the employer or an employment office'),
    registryKind: 'employment',
  },
  insurance: {
    ...SHARED_INSURANCE,
    label: t('社会保险缴费', 'Social-insurance contributions'),
    registryKind: 'insurance',
  },
  businesses: {
    label: t('创办的经营主体', 'Businesses founded'),
    source: { kind: 'reference', dataset: 'business-registry' },
    how: t(
      '填写所创办企业或个体工商户的统一社会信用代码，系统按市场监管登记数据核验',
      'Give the credit code of the business you founded; it is checked against the business registry',
    ),
    registryKind: 'business',
  },
  certificates: {
    label: t('职业资格或技能等级证书', 'Certificates'),
    source: { kind: 'platform', record: 'training' },
    how: t(
      '本平台培训评价发放的证书自动带出；其他证书请到经办窗口登记',
      'Certificates issued through this platform appear by themselves; others are recorded at a counter',
    ),
    registryKind: 'certificate',
  },
  subsidies: SUBSIDIES_RECEIVED,
};

export const ORGANISATION_FACT_FIELDS: Readonly<Record<Exclude<keyof OrganisationFacts, 'kind'>, FactField>> = {
  creditCode: identity('统一社会信用代码', 'Credit code'),
  creditCodeOverride: identity('统一社会信用代码（更正）', 'Credit code (corrected)'),
  name: identity('单位名称', 'Name'),
  category: identity('单位类别', 'Kind of unit'),
  sizeClass: identity('企业规模', 'Size class'),
  region: identity('所在地区', 'Region'),
  unemploymentInsurance: {
    ...SHARED_INSURANCE,
    label: t('失业保险参保缴费', 'Unemployment insurance'),
    registryKind: 'unemployment-insurance-year',
  },
  designations: {
    label: t('认定的基地或称号', 'Designations'),
    source: { kind: 'platform', record: 'employment-services' },
    how: t('由人社部门认定后记录', 'Recorded once the bureau designates the unit'),
    registryKind: 'designation',
  },
  subsidies: SUBSIDIES_RECEIVED,
};

/** The claim's own fields, which the applicant fills in on the form. */
export const CLAIM_FIELD_NAMES: Readonly<Record<keyof ClaimFacts, Text>> = {
  certificateId: t('证书编号', 'Certificate number'),
  trainingDays: t('培训天数', 'Training days'),
  trainingScheme: t('培训项目', 'Training scheme'),
  catalogueStandardFen: t('目录补贴标准', 'Catalogue standard'),
  feeFen: t('实际收费', 'Fee charged'),
  hires: t('招用人员名单', 'People hired'),
  interns: t('见习人员名单', 'Interns'),
  retentionPermille: t('稳岗比例', 'Retention rate'),
  fromMonth: t('起始月份', 'From month'),
  toMonth: t('截止月份', 'To month'),
  businessCreditCode: t('所创办经营主体的统一社会信用代码', 'Credit code of the business founded'),
  loan: t('贷款信息', 'Loan'),
  loanAward: t('创业担保贷款奖补年度与发放额', 'Loan award: year and loans disbursed'),
  export: t('劳务输出信息', 'Labour export'),
  workers: t('人员名单', 'Workers'),
  designation: t('认定的基地或称号', 'Designation'),
  year: t('申报年度', 'Year'),
  service: t('服务情况', 'Services provided'),
  rentFen: t('场地租金', 'Rent'),
  projectGrantFen: t('项目资助金额', 'Project grant'),
  project: t('培训项目情况', 'Training project'),
};

/**
 * The statuses an applicant may declare with evidence: those no office of this platform certifies.
 * The household and poverty lists' statuses are among them for a person the lists do not hold (a
 * list not loaded for the region, or older than the certificate); where a list holds the person it
 * answers instead, and a declaration of that status is not put to the clerk.
 */
export const DECLARABLE_STATUSES: Readonly<Partial<Record<PersonStatusKind, Text>>> = {
  'dibao-household': t('最低生活保障证或民政部门证明', 'Dibao certificate or a letter from civil affairs'),
  tekun: t('特困人员救助供养证或民政部门证明', 'Tekun support certificate or a letter from civil affairs'),
  'poverty-alleviated': t(
    '乡镇或乡村振兴部门出具的脱贫人口证明',
    'A letter from the township or the rural revitalisation office',
  ),
  'poverty-monitoring': t(
    '乡镇或乡村振兴部门出具的防止返贫监测对象证明',
    'A letter from the township or the rural revitalisation office',
  ),
  veteran: t('退役证', 'Discharge certificate'),
  disabled: t('残疾人证', 'Disability certificate'),
  'severely-disabled': t('残疾人证（一、二级）', 'Disability certificate (grade 1 or 2)'),
  'returning-migrant-worker': t('返乡创业就业证明', 'Proof of return from migrant work'),
  'national-student-loan': t('国家助学贷款合同', 'National student loan contract'),
  'school-leaver': t('毕业证书', 'School leaving certificate'),
};

/** The registry fact kinds an applicant may declare, with the evidence each needs. */
export function declarable(kind: string, data: Record<string, unknown>): Text | undefined {
  if (kind === 'graduation' && PERSON_FACT_FIELDS.graduation.source.kind === 'declaration')
    return PERSON_FACT_FIELDS.graduation.source.evidence;
  if (kind === 'status' && Object.hasOwn(DECLARABLE_STATUSES, String(data.kind)))
    return DECLARABLE_STATUSES[data.kind as PersonStatusKind];
  return undefined;
}
