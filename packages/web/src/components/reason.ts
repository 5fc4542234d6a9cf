/**
 * What the server takes as a reason kept for oversight (a redraw, a parameter's basis, an exception
 * to separation of duties): at least four letters, digits or Chinese characters, marks and blanks
 * aside, not one of them typed over and over, at most 500 characters in all (the server's
 * `explainsItself`). The forms check it first, so nobody is refused only after pressing the button.
 */
export const REASON_MAX = 500;
export const REASON_MIN_CHARACTERS = 4;

export function reasonIsEnough(reason: string): boolean {
  const characters = reason.toLowerCase().match(/[\p{L}\p{N}]/gu) ?? [];
  return characters.length >= REASON_MIN_CHARACTERS && new Set(characters).size > 1 && reason.length <= REASON_MAX;
}

/** The same as an antd form rule, with the page's words for what is missing. */
export function reasonRule(message: string) {
  return {
    validator: (_: unknown, value: unknown) =>
      typeof value === 'string' && reasonIsEnough(value) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
