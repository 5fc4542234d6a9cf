import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordProblem } from './passwords.js';

describe('password rules (等保 2.0 baseline)', () => {
  it('accepts 8 characters from 3 of the 4 classes', () => {
    expect(passwordProblem('Abcdef12', 'clerk01')).toBeNull();
    expect(passwordProblem('abcdef1!', 'clerk01')).toBeNull();
  });
  it('refuses 7 characters', () => expect(passwordProblem('Abcde1!', 'clerk01')).toBe('too-short'));
  it('refuses two classes only', () => expect(passwordProblem('abcdefgh12', 'clerk01')).toBe('too-simple'));
  it('refuses a password that contains the username', () =>
    expect(passwordProblem('Clerk01!x', 'clerk01')).toBe('contains-username'));
});

describe('argon2id hashes', () => {
  it('verify the right password only', async () => {
    const h = await hashPassword('Abcdef12!');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await passwordMatches(h, 'Abcdef12!')).toBe(true);
    expect(await passwordMatches(h, 'Abcdef12?')).toBe(false);
    expect(await passwordMatches('not a hash', 'Abcdef12!')).toBe(false);
  });
});
