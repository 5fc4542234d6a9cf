import type { IsoDate, IsoMonth } from '../core/dates.js';
import type { Fen } from '../core/money.js';
import type { RegionCode } from '../core/regions.js';
import type { RetirementCategory } from '../retirement/statutory-retirement.js';

/**
 * The facts the engine decides on. The format is documented in docs/policy-engine.md; the server
 * builds it from the registry, a caller of the API or CLI writes it as JSON. Every dated fact
 * carries its dates so a decision can be taken "as on" any day.
 */
export type ApplicantFacts = PersonFacts | OrganisationFacts;

/** Statuses a person holds for a period (from, to inclusive; open when `to` is absent). */
export type PersonStatusKind =
  | 'registered-unemployed' // 城镇登记失业人员
  | 'hard-to-employ' // 就业困难人员
  | 'poverty-monitoring' // 防止返贫监测对象
  | 'poverty-alleviated' // 脱贫人口
  | 'rural-low-income' // 农村低收入人口
  | 'relocated' // 易地搬迁人口
  | 'veteran' // 自主就业退役士兵
  | 'disabled' // 残疾人
  | 'severely-disabled' // 重度残疾人
  | 'dibao-household' // 低保家庭成员
  | 'zero-employment-household' // 零就业家庭成员
  | 'tekun' // 特困人员
  | 'civil-service-staff' // 机关事业单位在编人员
  | 'returning-migrant-worker' // 返乡入乡农民工
  | 'rural-transfer-worker' // 农村转移就业劳动者
  | 'national-student-loan' // 获得国家助学贷款
  | 'unemployment-benefit' // 领取失业保险金人员
  | 'school-leaver' // 城乡未继续升学的应届初高中毕业生
  | 'priority-county-resident'; // 乡村振兴重点帮扶县、欠发达县域或易地搬迁集中安置区户籍

export interface DatedStatus<K extends string> {
  readonly kind: K;
  readonly from: IsoDate;
  readonly to?: IsoDate;
}

export interface Graduation {
  /** 毕业（离校）日期 */
  readonly date: IsoDate;
  /** 高校 includes 技工院校高级工班、预备技师班、技师班 (财社〔2023〕181号 第五条). */
  readonly institution: 'university' | 'technical-college';
}

export type EmploymentKind = 'labour-contract' | 'public-welfare-post' | 'flexible';

export interface Employment {
  readonly kind: EmploymentKind;
  /** 统一社会信用代码 of the employer; absent for flexible employment. */
  readonly employer?: string;
  readonly from: IsoDate;
  readonly to?: IsoDate;
  /** Agreed length of the labour contract in months; absent for open-ended contracts. */
  readonly contractMonths?: number;
  /** For public-welfare posts: 1 for the first placement, 2 for a re-placement. */
  readonly placement?: number;
  readonly postName?: string;
  /** A 乡村公益性岗位 (rural public-welfare post), for which a region may set a higher standard. */
  readonly rural?: boolean;
}

/** One month of social-insurance contributions (employer share and personal share kept apart). */
export interface InsuranceMonth {
  readonly month: IsoMonth;
  /** `employer`: paid by a unit for its employee; `self`: paid by the person as flexibly employed. */
  readonly payer: 'employer' | 'self';
  readonly employer?: string;
  /** Basic pension, medical and unemployment insurance paid by the unit (or by the person when `self`). */
  readonly pensionFen: Fen;
  readonly medicalFen: Fen;
  readonly unemploymentFen: Fen;
  readonly injuryFen?: Fen;
}

export type CertificateKind =
  | 'vocational-qualification' // 职业资格证书
  | 'skill-level' // 职业技能等级证书
  | 'special-ability' // 专项职业能力证书
  | 'training-completion'; // 培训合格证书

/** Skill levels: 5 初级(五级) … 1 高级技师(一级). Lower number = higher level. */
export type SkillLevel = 1 | 2 | 3 | 4 | 5;

/**
 * The training behind a certificate: 就业技能培训 (岗前、在岗初始), 创业培训, and the in-post training of
 * employed staff under national and provincial rules — 企业新型学徒制 and 技师培训 (181号 第五条（二）).
 */
export type TrainingKind = 'employment-skills' | 'entrepreneurship' | 'apprenticeship' | 'technician';

export interface Certificate {
  readonly id: string;
  readonly kind: CertificateKind;
  /** 职业（工种） */
  readonly occupation: string;
  readonly level?: SkillLevel;
  readonly issuedOn: IsoDate;
  /** True when the evaluation was the person's first in this occupation (初次职业技能评价). */
  readonly firstEvaluation?: boolean;
  /** The training that led to it, where there was one. */
  readonly training?: {
    readonly kind: TrainingKind;
    readonly from: IsoDate;
    readonly to: IsoDate;
    readonly subsidised?: boolean;
  };
}

export interface Business {
  readonly creditCode: string;
  readonly form: 'enterprise' | 'individual-business';
  readonly sizeClass?: SizeClass;
  readonly registeredOn: IsoDate;
  readonly deregisteredOn?: IsoDate;
  /** 正常运营: filed its annual reports and pays taxes/insurance, as confirmed by the registry. */
  readonly operatingNormally: boolean;
}

export type Fund =
  'employment-fund' | 'unemployment-insurance-fund' | 'rural-revitalisation-fund' | 'inclusive-finance';

/** A subsidy already granted, from the registry; the cross-subsidy rules read these. */
export interface ReceivedSubsidy {
  readonly subsidy: string;
  readonly grantedOn: IsoDate;
  readonly region: RegionCode;
  readonly fund?: Fund;
  readonly amountFen?: Fen;
  readonly certificateId?: string;
  readonly occupation?: string;
  readonly level?: SkillLevel;
  readonly trainingKind?: TrainingKind;
  /** For periodic subsidies, the months covered. */
  readonly fromMonth?: IsoMonth;
  readonly toMonth?: IsoMonth;
  /** For subsidies about a hire: the hired person's ID number. */
  readonly personId?: string;
}

export interface PersonFacts {
  readonly kind: 'person';
  readonly idNumber: string;
  /**
   * Birth date and sex as the registry recorded them from the verified ID number. When given the
   * rules read these and never need the number itself (the sweep decides a million people without
   * decrypting one); when absent they are read from `idNumber`.
   */
  readonly birthDate?: IsoDate;
  readonly sex?: 'male' | 'female';
  readonly name?: string;
  /** Needed for women; men are `male`. Not derivable from the ID number. */
  readonly retirementCategory?: RetirementCategory;
  readonly hukouRegion?: RegionCode;
  readonly rural?: boolean;
  readonly householdId?: string;
  readonly statuses?: readonly DatedStatus<PersonStatusKind>[];
  readonly graduation?: Graduation;
  readonly employments?: readonly Employment[];
  readonly insurance?: readonly InsuranceMonth[];
  readonly businesses?: readonly Business[];
  readonly certificates?: readonly Certificate[];
  readonly subsidies?: readonly ReceivedSubsidy[];
}

export type SizeClass = 'large' | 'medium' | 'small' | 'micro';

export type OrganisationCategory =
  | 'enterprise'
  | 'individual-business' // 以单位形式参保的个体工商户
  | 'social-organisation' // 社会团体、基金会、社会服务机构
  | 'law-or-accounting-firm'
  | 'farmers-cooperative'
  | 'family-farm'
  | 'large-grower' // 种养大户
  | 'assistance-workshop' // 就业帮扶车间 / 就业援助小作坊
  | 'hr-service-agency' // 经营性人力资源服务机构、劳务中介、劳务专业合作社
  | 'labour-broker' // 劳务经纪人
  | 'training-institution'
  | 'public-institution'
  | 'government-organ';

export type OrganisationDesignationKind =
  | 'internship-base-national' // 国家级就业见习基地
  | 'internship-base-provincial' // 省级就业见习基地
  | 'assistance-base' // 就业帮扶基地 / 就业援助基地
  | 'assistance-workshop' // 就业援助车间
  | 'assistance-base-provincial-model' // 省级就业援助示范基地
  | 'public-employment-service' // 基层公共就业服务机构
  | 'home-employment-station' // 政府设立的家门口就业服务站
  | 'gig-worker-station' // 政府设立的零工驿站、零工市场
  | 'incubation-base' // 创业孵化基地 / 创新创业园区
  | 'incubation-base-city' // 市级创业园区（孵化基地）
  | 'incubation-base-county' // 县级创业园区（孵化基地）
  | 'incubation-base-excellent' // 评定为优秀等次的创业就业孵化基地
  | 'high-skill-training-base-national' // 国家级高技能人才培训基地
  | 'high-skill-training-base-provincial' // 省级高技能人才培训基地
  | 'skill-master-studio-national' // 国家级技能大师工作室
  | 'skill-master-studio-provincial' // 省级技能大师工作室
  | 'labour-station-excellent' // 省级优秀劳务合作站（点）, rated each year
  | 'project-training-provider'; // 承担政府购买项目制培训任务的培训机构, for the contract's period

/** The services 就业创业服务补助 pays providers for (财社〔2023〕181号 第十二条). */
export type EmploymentServiceKind =
  | 'public-service' // 免费公共就业服务 (基层公共就业服务机构、家门口就业服务站、零工驿站)
  | 'incubation' // 创业孵化服务
  | 'recruitment'; // 招聘活动和创业服务

/** A 项目制培训 project: whole classes bought from an institution (181号 第五条（三）). */
export interface TrainingProjectClaim {
  readonly kind: 'employment-skills' | 'entrepreneurship';
  /** People who finished the training. */
  readonly trainees: number;
  /** Of them, those who obtained a certificate. */
  readonly certified: number;
  /** Of the trainees, 国家重大改革中的失业人员 trained under that mandate. */
  readonly reformUnemployed?: number;
}

/** A service claimed for, with the figures the text weighs it by. */
export interface ServiceClaim {
  readonly kind: EmploymentServiceKind;
  /**
   * 服务载体: the station (家门口就业服务站, 零工驿站), incubation base or recruitment event the claim is
   * for, by its name or the platform's id for it. The texts pay per station, base and event, so a unit
   * running several claims each once per period; a claim naming none is the unit's one claim.
   */
  readonly site?: string;
  /** 工作量 / 服务人数: people (or, for incubation, start-ups) served in the year. */
  readonly served: number;
  /** 成效: of them, those placed in work or, for incubation, still operating. */
  readonly outcomes: number;
  /** 成本: what the service cost, where the text weighs it (招聘活动). */
  readonly costFen?: Fen;
  /** What those served were charged: 免费公共就业服务 is paid for only when nothing was. */
  readonly chargedFen?: Fen;
}

export interface UnemploymentInsuranceYear {
  readonly year: number;
  /** Unemployment insurance actually paid in the year by the unit and its staff. */
  readonly contributedFen: Fen;
  /** Consecutive months fully paid up to the claim. */
  readonly fullyPaidMonths: number;
  readonly insuredStaffAtYearStart: number;
  readonly layoffs: number;
}

export interface OrganisationFacts {
  readonly kind: 'organisation';
  readonly creditCode: string;
  /** Set by a clerk when a genuine early-pilot code fails its check character (FACTS.md). */
  readonly creditCodeOverride?: string;
  readonly name?: string;
  readonly category: OrganisationCategory;
  readonly sizeClass?: SizeClass;
  readonly region: RegionCode;
  readonly unemploymentInsurance?: readonly UnemploymentInsuranceYear[];
  readonly designations?: readonly DatedStatus<OrganisationDesignationKind>[];
  readonly subsidies?: readonly ReceivedSubsidy[];
}

/** One person an employer claims for. */
export interface Hire {
  readonly person: PersonFacts;
  readonly contractStart: IsoDate;
  /** Absent for an open-ended contract (无固定期限). */
  readonly contractMonths?: number;
  /**
   * Months of unemployment, injury and pension insurance paid for the hire so far, as the unit
   * claims it; asked only by the subsidies that read it (the social-insurance subsidies read the
   * insurance records instead).
   */
  readonly insuredMonths?: number;
}

export interface Intern {
  readonly person: PersonFacts;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Months of internship claimed for. */
  readonly months: number;
  /** Hired by the unit before the internship ended (见习期未满签订劳动合同). */
  readonly hiredEarlyOn?: IsoDate;
}

export interface Loan {
  readonly borrower: 'individual' | 'partnership' | 'small-micro-enterprise';
  readonly principalFen: Fen;
  /** Annual interest rate in basis points (1% = 100). */
  readonly annualRateBp: number;
  readonly termMonths: number;
  readonly partners?: number;
  /**
   * The day the contract was signed. A claim for a period of a contracted loan is judged under the
   * rules in force that day, for the whole term (the loans module files such claims).
   */
  readonly contractedOn?: IsoDate;
  /** One period's 贴息 claimed, as the lending bank's statement states it (see periodSubsidy). */
  readonly period?: LoanPeriodClaim;
}

/** A quarter of a contracted loan, from the bank's statement. */
export interface LoanPeriodClaim {
  /** `2025-Q3`. */
  readonly key: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly interestFen: Fen;
  readonly repaidOnTime: boolean;
  readonly disbursedOn: IsoDate;
  readonly maturesOn: IsoDate;
  readonly endsOn?: IsoDate;
}

/** 创业担保贷款奖补 for one institution, region and year (the loans module files it). */
export interface LoanAwardClaim {
  readonly year: number;
  readonly role: 'bank' | 'guarantor';
  /** Loans of the institution disbursed in the region from 1 January to 31 December of the year. */
  readonly newLoans: number;
  readonly newLoanFen: Fen;
}

/** What is being claimed, beyond who claims it. Each subsidy reads the fields it needs. */
export interface ClaimFacts {
  readonly certificateId?: string;
  readonly trainingDays?: number;
  readonly trainingScheme?: 'labour-preparatory' | 'rural-practical';
  /** Standard from the training-demand catalogue (职业技能培训需求指导目录) for the certificate's item. */
  readonly catalogueStandardFen?: Fen;
  /** The fee actually paid, where a subsidy refunds it up to a cap (e.g. 庆阳 evaluation ≤300元). */
  readonly feeFen?: Fen;
  readonly hires?: readonly Hire[];
  readonly interns?: readonly Intern[];
  /** 见习期满留用率 in per mille (50% = 500). */
  readonly retentionPermille?: number;
  readonly fromMonth?: IsoMonth;
  readonly toMonth?: IsoMonth;
  readonly businessCreditCode?: string;
  readonly loan?: Loan;
  /** A year's 奖补 to a lending bank or guarantee institution: its loans newly disbursed in the region. */
  readonly loanAward?: LoanAwardClaim;
  /** A person's own organised labour export (有组织劳务输出): where to, whether the first, how long stable. */
  readonly export?: {
    readonly destination: 'outside-county' | 'other-province';
    readonly organised: boolean;
    readonly first: boolean;
    readonly stableMonths: number;
  };
  readonly workers?: readonly {
    readonly person: PersonFacts;
    readonly contractMonths: number;
    readonly workedMonths: number;
    readonly insuredMonths: number;
    readonly firstExport: boolean;
    readonly destination: 'outside-county' | 'other-province';
  }[];
  readonly designation?: OrganisationDesignationKind;
  readonly year?: number;
  /** 就业创业服务补助: the service and its figures for `year`. */
  readonly service?: ServiceClaim;
  /** Rent paid for business premises over the period claimed (贵州 场所租赁补贴). */
  readonly rentFen?: Fen;
  /** 庆阳 第14条 省级创业带动就业资金: the grant the provincial review set for the project. */
  readonly projectGrantFen?: Fen;
  /** 项目制培训: a training project bought from an institution, and what it delivered. */
  readonly project?: TrainingProjectClaim;
}
