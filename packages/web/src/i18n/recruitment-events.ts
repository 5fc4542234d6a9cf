/**
 * Texts of recruitment events and live streams (招聘活动、直播带岗), under `events.` in both languages;
 * the English is typed against the Chinese.
 */
export const eventsZh = {
  tab: '招聘活动与直播带岗',
  none: '管辖范围内还没有招聘活动',
  title: '活动名称',
  kind: '形式',
  kinds: { fair: '招聘会', 'live-stream': '直播带岗' },
  base: '直播基地/场地',
  brand: '品牌',
  anchor: '主播',
  startsAt: '开始时间',
  postings: '推介岗位数',
  cvsReceived: '平台收到简历',
  results: '活动成效',
  resultsText: '观看 {{views}} · 简历 {{cvs}} · 面试 {{interviews}} · 录用 {{hires}}',
  noResults: '待填报',
  cvs: '活动期间投递的简历',
  seeker: '求职者',
  posting: '岗位',
  submittedAt: '投递时间',
  enterResults: '填报活动成效',
  figures: { views: '观看人次', cvs: '收到简历', interviews: '面试人数', hires: '录用人数' },
  save: '保存',
  create: '设置活动',
  endsAt: '结束时间',
  region: '所在地区',
  presented: '推介岗位（已发布）',
  endsBeforeStart: '{{end}}须晚于{{start}}',
  created: '已设置 {{title}}',
};
