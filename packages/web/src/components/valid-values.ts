import type { FormInstance } from 'antd';

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
