/** What an applicant is told under their claim's state (pages/applications/next-step.ts). */
export const nextStepZh = {
  title: '办理进度',
  states: {
    draft: '草稿尚未送交经办机构。请逐项上传申请材料，再点“提交申请”。',
    submitted: '已送交经办机构，等待受理。受理结果会发消息通知您。',
    returned: '经办机构退回补正。请按下方要求补充或更正材料，再点“补正后重新提交”。',
    'not-accepted': '经办机构决定不予受理。如不服本决定，可依法申请行政复议或者提起行政诉讼；符合条件后也可重新申请。',
    accepted: '已受理，正在审核。审核结果会发消息通知您。',
    reviewed: '已通过审核，正在复核。复核结果会发消息通知您。',
    approved: '已复核通过。需要公示的，公示期满无异议后转入拨付；拨付后会发消息通知您。',
    rejected: '申请未通过。如不服本决定，可依法申请行政复议或者提起行政诉讼。',
    publicised: '正在公示。公示期满无异议后转入拨付。',
    payable: '已转入拨付，等待发放；到账后会发消息通知您。',
    paid: '补贴已拨付，请查看收款账户。如未到账，请联系经办机构。',
    withdrawn: '您已撤回本申请。如仍需要，可重新申请。',
    revoked: '本申请已撤销，已发放的资金将依法追回。如不服本决定，可依法申请行政复议或者提起行政诉讼。',
  },
  reason: '理由：{{reason}}',
  dueOn: '本环节时限：{{date}}',
  publicityEndsOn: '公示截止：{{date}}',
};
