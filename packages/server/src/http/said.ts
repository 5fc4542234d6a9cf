/**
 * Whether a reason or note says something: a letter or a digit, not only blanks, stops or marks
 * that print as nothing (a zero-width space passes `trim()` and read as an empty reason).
 */
export function saysSomething(text: string | null | undefined): text is string {
  return typeof text === 'string' && /[\p{L}\p{N}]/u.test(text);
}

/**
 * Letters or digits (a Chinese character counts as one) that a reason recorded for oversight needs
 * at least: a parameter's basis, an exception to separation of duties, a redraw, a re-binding.
 * "调整标准" passes; "x" or "!!!!!!" does not, nor one character typed over and over ("xxxx",
 * "1111"), which fills the count and says nothing.
 */
export const REASON_MIN_CHARACTERS = 4;

/** Whether a reason for the record says enough to be read later by someone who was not there. */
export function explainsItself(text: string | null | undefined): text is string {
  if (typeof text !== 'string') return false;
  const characters = text.toLowerCase().match(/[\p{L}\p{N}]/gu) ?? [];
  return characters.length >= REASON_MIN_CHARACTERS && new Set(characters).size > 1;
}
