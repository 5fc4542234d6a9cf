/**
 * Texts of the spot-check page (随机抽查), under `spotChecks.` in both languages. The English is
 * typed against the Chinese, so a key missing in either fails the type check.
 */
export const spotChecksZh = {
  title: '随机抽查（双随机）',
  intro:
    '按补贴金额大、人数多、期限长加权，随机抽取本辖区已审批的申请，并随机选派未经办该申请的检查人员（财社〔2023〕181号第二十三条）。随机种子由系统生成并留档，任何人可复核；每个辖区每天以第一次抽取为准。',
  sampleSize: '抽查数量',
  sampleSizeMissing: '请填写抽查数量（1 至 1000 件）',
  sampleSizeRange: '每次抽取 1 至 1000 件；超过 1000 的按 1000 件抽取。',
  draw: '抽取今日样本',
  drawAgain: '重新抽取',
  none: '本辖区今日尚未抽取抽查样本。',
  standing:
    '本辖区今日已抽取抽查样本，以第一次抽取为准。重新抽取须填写理由，原样本及其检查任务一并留档，审计日志记录两次抽取和理由。',
  reason: '重新抽取的理由',
  reasonHelp: '至少 4 个字，最多 500 字；将记入审计日志。',
  reasonPlaceholder: '例如：原选派的检查人员须回避，经集体研究同意重新抽取',
  firstDraw: '第一次抽取（有效）',
  redraw: '第 {{n}} 次抽取（重新抽取）',
  period: '抽查日期',
  drawnAt: '抽取时间',
  region: '辖区',
  candidates: '候选申请数',
  seed: '随机种子',
  redrawReason: '重新抽取理由',
  items: {
    rank: '序号',
    application: '申请编号',
    inspector: '检查人员',
    weight: '权重',
    outcome: '核查结果',
  },
  outcomes: {
    pending: '待核查',
    'no-problem': '核查无误',
    'problem-found': '发现问题',
  },
  mine: {
    title: '我的抽查任务',
    intro:
      '抽中由您核查的申请（含以前各日的抽取）。请查阅申请材料、必要时实地核查后记录结果；记录后不能更改，并记入审计日志。',
    none: '目前没有分配给您的抽查任务。',
    subsidy: '补贴',
    recordedAt: '记录时间',
    note: '核查说明',
    record: '记录结果',
    recordTitle: '记录核查结果：{{number}}',
    outcome: '核查结果',
    outcomeMissing: '请选择核查结果',
    noteMissing: '请填写核查说明',
    noteShort: '核查说明至少 2 个字',
    noteHelp: '写明核查了什么、怎样核查的；发现问题的，写明问题所在。',
    recorded: '已记录核查结果：{{number}}',
  },
};
