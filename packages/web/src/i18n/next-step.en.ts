/** What an applicant is told under their claim's state, in English (see next-step.ts). */
export const nextStepEn = {
  title: 'Where your claim stands',
  states: {
    draft: 'This draft has not been sent to the bureau. Upload each of the materials, then press “Submit”.',
    submitted: 'Sent to the bureau and waiting to be accepted. You will get a message when it is.',
    returned:
      'The bureau returned it for correction. Add or correct the materials as asked below, then press “Resubmit with corrections”.',
    'not-accepted':
      'The bureau did not accept it. If you disagree, you may apply for administrative reconsideration or bring a lawsuit; you may also apply again once you qualify.',
    accepted: 'Accepted and being reviewed. You will get a message with the result.',
    reviewed: 'Passed review and being approved. You will get a message with the result.',
    approved:
      'Approved. Where the subsidy is publicised first, it goes for payment once publicity ends without objection; you will get a message when it is paid.',
    rejected:
      'Your claim was rejected. If you disagree, you may apply for administrative reconsideration or bring a lawsuit.',
    publicised: 'Being publicised. It goes for payment once publicity ends without objection.',
    payable: 'Passed for payment and waiting to be paid; you will get a message when it is.',
    paid: 'The subsidy has been paid: please check the receiving account. If it has not arrived, contact the bureau.',
    withdrawn: 'You withdrew this claim. You may apply again if you still need to.',
    revoked:
      'This claim was revoked and the money paid will be recovered. If you disagree, you may apply for administrative reconsideration or bring a lawsuit.',
  },
  reason: 'Reason: {{reason}}',
  dueOn: 'Due by {{date}}',
  publicityEndsOn: 'Publicity ends on {{date}}',
};
