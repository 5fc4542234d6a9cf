/**
 * What an offer (政策找人) says to the person or unit it was made for: why they were found, what
 * confirming does, what happens next (pages/applicant/offers-page.tsx). A table row of subsidy,
 * period and amount with two buttons left them to guess all three.
 */
export const offerCardZh = {
  intro:
    '经办机构用有关部门共享的数据（毕业生名单、低保等困难群体名单和您的登记信息）比对补贴条件，发现您可以享受下列补贴。您不用填写申请表，已核实的情况也不用再交证明，确认即可。',
  found: '{{date}} 政策找人比对发现',
  amount: '补贴金额',
  why: '为什么找到您',
  whyPerson: '以下情况已由有关部门的数据核实，符合本补贴的条件：',
  whyUnit: '根据贵单位登记招用的人员，比对发现符合本补贴的条件。',
  whatNext: '确认后会怎样',
  steps: {
    confirm: '点“确认申请”，系统立即以您的名义提交申请，不用填写申请表。',
    review: '经办机构受理、审核；如还需要纸质材料（如身份证），受理时会通知您。',
    pay: '审核通过后（需要公示的，公示期满无异议后）补贴拨付给您。每一步都会发消息通知您，也可以在“我的申请”查看进度。',
  },
  declineNote: '不需要的，点“不需要”：此项不再提示，以后需要时仍可在“政策清单”自行申请。',
  declineConfirm: '确定不需要这项补贴吗？',
  declineConfirmNote: '拒绝后不再提示；以后需要时仍可自行申请。',
  notes: {
    confirmed: '您已确认，申请已提交，进度请在申请页查看。',
    declined: '您已拒绝，此项不再提示。',
    filed: '本补贴免申即享：经办机构已直接为您办理，不用确认。',
  },
  pending: '有 {{count}} 项补贴等您确认：系统已核实您符合条件，确认即可申请，不用填表。',
  pendingAction: '去确认',
};
