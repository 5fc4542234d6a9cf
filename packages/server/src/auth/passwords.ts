import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError, inBoth } from '../http/errors.js';

/**
 * Passwords: argon2id (RFC 9106) with the OWASP minimum of 19 MiB and 2 passes, and the 等保 2.0
 * complexity baseline (FACTS.md): at least 8 characters from at least 3 of the 4 classes, not the
 * username, not one of the last 5, changed at least every 90 days.
 */
const ARGON2ID = 2; // Algorithm.Argon2id; the package declares it as a const enum.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_HISTORY = 5;
export const PASSWORD_MAX_AGE_DAYS = 90;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the username is unknown, so timing says nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

export type PasswordProblem = 'too-short' | 'too-simple' | 'contains-username' | 'too-long';

/** What is wrong with a password, as the refusal says it (`{rule}` in WEAK_PASSWORD), never the code. */
const PASSWORD_PROBLEM_WORDS: Record<PasswordProblem, readonly [zh: string, en: string]> = {
  'too-short': ['少于8位', 'is shorter than 8 characters'],
  'too-long': ['超过128位', 'is longer than 128 characters'],
  'too-simple': ['所含字符不足3类', 'uses fewer than 3 kinds of characters'],
  'contains-username': ['含有用户名', 'contains the username'],
};

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < 8) return 'too-short';
  if (password.length > 128) return 'too-long';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'too-simple';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains-username';
  return null;
}

/** Refuses a password that breaks the rules, naming the field it was typed in and what is wrong with it. */
export function refuseWeakPassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (!problem) return;
  const [zh, en] = PASSWORD_PROBLEM_WORDS[problem];
  throw new AppError('WEAK_PASSWORD', 400, field, { rule: problem, ...inBoth('rule', zh, en) });
}
