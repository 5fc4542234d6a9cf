import type {
  EmploymentServiceKind,
  OrganisationCategory,
  OrganisationDesignationKind,
  PersonStatusKind,
} from './facts.js';

/**
 * The names of the facts' coded values, for forms, import templates and screens. Typed as complete
 * records so a kind added to the facts format cannot go without its name.
 */
type Names<K extends string> = Readonly<Record<K, { readonly zh: string; readonly en: string }>>;

export const PERSON_STATUS_NAMES: Names<PersonStatusKind> = {
  'registered-unemployed': { zh: '城镇登记失业人员', en: 'Registered unemployed' },
  'hard-to-employ': { zh: '就业困难人员', en: 'Certified hard to employ' },
  'poverty-monitoring': { zh: '防止返贫监测对象', en: 'Under poverty-relapse monitoring' },
  'poverty-alleviated': { zh: '脱贫人口', en: 'Lifted out of poverty' },
  'rural-low-income': { zh: '农村低收入人口', en: 'Rural low-income' },
  relocated: { zh: '易地搬迁人口', en: 'Relocated for poverty alleviation' },
  veteran: { zh: '自主就业退役士兵', en: 'Self-employed veteran' },
  disabled: { zh: '残疾人', en: 'Person with a disability' },
  'severely-disabled': { zh: '重度残疾人', en: 'Person with a severe disability' },
  'dibao-household': { zh: '低保家庭成员', en: 'Member of a minimum-subsistence (dibao) household' },
  'zero-employment-household': { zh: '零就业家庭成员', en: 'Member of a zero-employment household' },
  tekun: { zh: '特困人员', en: 'Person in extreme hardship (tekun)' },
  'civil-service-staff': {
    zh: '机关事业单位在编人员',
    en: 'Established staff of a government organ or public institution',
  },
  'returning-migrant-worker': { zh: '返乡入乡农民工', en: 'Returning migrant worker' },
  'rural-transfer-worker': { zh: '农村转移就业劳动者', en: 'Rural worker in transferred employment' },
  'national-student-loan': { zh: '获得国家助学贷款', en: 'Holder of a national student loan' },
  'unemployment-benefit': { zh: '领取失业保险金人员', en: 'Receiving unemployment benefit' },
  'school-leaver': { zh: '未继续升学的应届初高中毕业生', en: 'School leaver not continuing education' },
  'priority-county-resident': {
    zh: '重点帮扶县、欠发达县域或集中安置区户籍',
    en: 'Registered in a priority-assistance county or resettlement area',
  },
};

export const ORGANISATION_CATEGORY_NAMES: Names<OrganisationCategory> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  'individual-business': { zh: '个体工商户', en: 'Individual business' },
  'social-organisation': { zh: '社会组织', en: 'Social organisation' },
  'law-or-accounting-firm': { zh: '律师事务所、会计师事务所', en: 'Law or accounting firm' },
  'farmers-cooperative': { zh: '农民专业合作社', en: "Farmers' cooperative" },
  'family-farm': { zh: '家庭农场', en: 'Family farm' },
  'large-grower': { zh: '种养大户', en: 'Large grower' },
  'assistance-workshop': { zh: '就业帮扶车间', en: 'Employment assistance workshop' },
  'hr-service-agency': { zh: '人力资源服务机构', en: 'HR service agency' },
  'labour-broker': { zh: '劳务经纪人', en: 'Labour broker' },
  'training-institution': { zh: '培训机构', en: 'Training institution' },
  'public-institution': { zh: '事业单位', en: 'Public institution' },
  'government-organ': { zh: '机关', en: 'Government organ' },
};

export const DESIGNATION_NAMES: Names<OrganisationDesignationKind> = {
  'internship-base-national': { zh: '国家级就业见习基地', en: 'National internship base' },
  'internship-base-provincial': { zh: '省级就业见习基地', en: 'Provincial internship base' },
  'assistance-base': { zh: '就业帮扶基地', en: 'Employment assistance base' },
  'assistance-workshop': { zh: '就业援助车间', en: 'Employment assistance workshop' },
  'assistance-base-provincial-model': { zh: '省级就业援助示范基地', en: 'Provincial model assistance base' },
  'public-employment-service': { zh: '基层公共就业服务机构', en: 'Public employment service office' },
  'home-employment-station': { zh: '家门口就业服务站', en: 'Neighbourhood employment service station' },
  'gig-worker-station': { zh: '零工驿站（零工市场）', en: 'Gig-work station (gig market)' },
  'incubation-base': { zh: '创业孵化基地', en: 'Business incubation base' },
  'incubation-base-city': { zh: '市级创业园区（孵化基地）', en: 'City-level start-up park (incubation base)' },
  'incubation-base-county': { zh: '县级创业园区（孵化基地）', en: 'County-level start-up park (incubation base)' },
  'incubation-base-excellent': { zh: '优秀等次创业就业孵化基地', en: 'Incubation base rated excellent' },
  'high-skill-training-base-national': { zh: '国家级高技能人才培训基地', en: 'National high-skill training base' },
  'high-skill-training-base-provincial': { zh: '省级高技能人才培训基地', en: 'Provincial high-skill training base' },
  'skill-master-studio-national': { zh: '国家级技能大师工作室', en: 'National skill-master studio' },
  'skill-master-studio-provincial': { zh: '省级技能大师工作室', en: 'Provincial skill-master studio' },
  'labour-station-excellent': { zh: '省级优秀劳务合作站（点）', en: 'Provincial excellent labour cooperation station' },
  'project-training-provider': { zh: '项目制培训承训机构', en: 'Institution contracted for project-based training' },
};

/** The services 就业创业服务补助 pays for. */
export const EMPLOYMENT_SERVICE_NAMES: Names<EmploymentServiceKind> = {
  'public-service': { zh: '免费公共就业服务', en: 'Free public employment services' },
  incubation: { zh: '创业孵化服务', en: 'Business incubation services' },
  recruitment: { zh: '招聘活动和创业服务', en: 'Recruitment events and start-up services' },
};
