/**
 * The identity checks on their own (`@huimin/policy/identity`): what a form in the browser checks
 * before sending, by the same code the server refuses with.
 */
export { checkCreditCode, type CreditCodeCheck } from './credit-code.js';
export { parseResidentId, type ResidentIdError } from './resident-id.js';
