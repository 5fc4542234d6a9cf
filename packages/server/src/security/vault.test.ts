import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vault } from './vault.js';

describe('the vault', () => {
  const vault = Vault.random();

  it('decrypts what it encrypted, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 64 }),
        (text) => vault.decrypt(vault.encrypt(text)) === text,
      ),
    );
  });

  it('never encrypts the same ID number to the same ciphertext', () => {
    expect(vault.encrypt('11010519491231002X')).not.toBe(vault.encrypt('11010519491231002X'));
  });

  it('refuses a ciphertext that was changed', () => {
    const token = Buffer.from(vault.encrypt('11010519491231002X'), 'base64');
    token[20] = (token[20] ?? 0) ^ 1;
    expect(() => vault.decrypt(token.toString('base64'))).toThrow(/integrity/);
  });

  it('gives a stable lookup hash under one key and a different one under another', () => {
    expect(vault.lookupHash('id-number', '11010519491231002X')).toBe(
      vault.lookupHash('id-number', '11010519491231002X'),
    );
    expect(Vault.random().lookupHash('id-number', '11010519491231002X')).not.toBe(
      vault.lookupHash('id-number', '11010519491231002X'),
    );
  });
});
