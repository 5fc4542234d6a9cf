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
};

export const factsEn: typeof factsZh = {
  standing: {
    title: 'Facts used and where they come from',
    verified: 'Verified from data',
    confirmed: 'Confirmed at acceptance',
    declared: 'Declared',
    recorded: 'Platform record',
    none: 'Nothing on record',
  },
  needs: {
    title: 'What would make you eligible',
    claim: 'Fill in the form',
    reference: 'Checked against shared data',
    platform: 'Done by an office',
    declaration: 'Declare it',
    declare: 'Declare this',
  },
  declare: {
    title: 'What you declare',
    hint: 'No shared data holds these facts yet: declare them truthfully and upload the evidence listed on the application page; a clerk checks and confirms them at acceptance.',
    graduationDate: 'Graduation date',
    institution: 'Kind of school',
    university: 'University',
    technicalCollege: 'Technical college',
    status: 'Status',
    statusFrom: 'Held since',
    evidence: 'Upload: {{name}}',
    graduationEvidence: 'Diploma or certificate of education',
    remove: 'Remove',
    add: 'Add a declaration',
  },
  decision: {
    title: 'Declared facts to confirm',
    pendingAlert: '{{count}} declared facts are still to be confirmed before acceptance',
    confirm: 'Confirm',
    reject: 'Reject',
    rejectNote: 'Why it is rejected (what the evidence shows)',
    evidence: 'Evidence checked',
    noEvidence: '(no file named)',
    states: { declared: 'To confirm', confirmed: 'Confirmed', corrected: 'Corrected', rejected: 'Rejected' },
    decidedAt: 'decided {{at}}',
  },
};
