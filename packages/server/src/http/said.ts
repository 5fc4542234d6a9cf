/**
 * Whether a reason or note says something: a letter or a digit, not only blanks, stops or marks
 * that print as nothing (a zero-width space passes `trim()` and read as an empty reason).
 */
export function saysSomething(text: string | null | undefined): text is string {
  return typeof text === 'string' && /[\p{L}\p{N}]/u.test(text);
}
