/**
 * Texts of the applicant's facts (issue 17): where each fact stands, what would change an unmet
 * condition, and the declarations confirmed at acceptance, under `facts.`. The English is typed
 * against the Chinese, so a key missing in either fails the type check.
 */
export const factsZh = {
  standing: {
    title: '所用信息及来源',
    verified: '数据核验',
    confirmed: '受理确认',
    declared: '本人申报',
    recorded: '平台记录',
    none: '暂无记录',
  },
  needs: {
    title: '怎样才能符合条件',
    claim: '填写申请表',
    reference: '数据共享核验',
    platform: '经办机构办理',
    declaration: '本人申报',
    declare: '申报此项',
  },
  declare: {
    title: '本人申报事项',
    hint: '以下信息暂无法通过数据共享取得，请如实申报并在申请页上传所列证明材料，受理时由经办人员核验确认。',
    graduationDate: '毕业（离校）日期',
    institution: '院校类别',
    university: '普通高校',
    technicalCollege: '技工院校',
    status: '人员身份',
    statusFrom: '取得身份日期',
    evidence: '需上传：{{name}}',
    graduationEvidence: '毕业证书或学历证明',
    remove: '删除',
    add: '添加申报',
  },
  decision: {
    title: '申报事项核验',
    pendingAlert: '还有 {{count}} 项申报事项待确认，确认后方可受理',
    confirm: '确认属实',
    reject: '不予认可',
    rejectNote: '不予认可的理由（证明材料显示的情况）',
    evidence: '核验所依据的材料',
    noEvidence: '（未指定材料）',
    states: { declared: '待确认', confirmed: '已确认', corrected: '已更正', rejected: '不予认可' },
    decidedAt: '{{at}} 处理',
  },
  selfCheck: {
    askedBy: '用于：{{names}}',
    basedOn: '以下问题来自本地区现行 {{count}} 项个人补贴政策的条件',
    notAsked: '另有 {{names}} 等条件，需登录后由系统按共享数据或平台记录核验。',
    business: '创办的企业或个体工商户',
    businessCode: '统一社会信用代码',
    businessRegisteredOn: '登记注册日期',
    businessForm: '主体类型',
    forms: { 'individual-business': '个体工商户', enterprise: '小微企业' },
    hukouRegion: '户籍所在地',
    apply: '去申请',
    carried: '已带入政策计算器中的回答，请核对后继续',
  },
  submit: {
    notEligible: '按目前的信息，系统预判暂不符合以下条件：',
    missing: '以下材料尚未上传：{{names}}',
    waived: '以下材料所证明的信息平台已掌握（数据共享或经办记录），无需上传：{{names}}',
    anyway: '仍可提交，由经办机构审核决定。确定提交吗？',
  },
  evidenceWaived: '无需上传：平台已通过数据共享或经办记录掌握',
  phone: {
    search: '搜索补贴名称、享受对象或材料',
    noMatch: '没有与「{{text}}」相符的补贴',
  },
};
