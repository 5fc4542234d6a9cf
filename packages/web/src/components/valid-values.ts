import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form/index.js';

/**
 * The form's values once every field is valid; undefined when one is not, the form showing each
 * field's message under it. antd rejects `validateFields` with the fields' errors, which left
 * unhandled surfaced as an uncaught page error on every OK pressed over an empty field.
 */
export async function validValues<T>(form: FormInstance<T>): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'errorFields' in e) return undefined;
    throw e;
  }
}

/**
 * A number field's bounds as a rule, said under the field (validation.number* in the page's
 * language). Given to the input itself, antd would put a number out of bounds back in them when
 * the field is left: a -5 typed became 0 without a word.
 */
export function inRange(min: number, max?: number): Rule {
  return { type: 'number', min, ...(max === undefined ? {} : { max }) };
}
