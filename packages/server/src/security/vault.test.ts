import { createHmac } from 'node:crypto';
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

  it('decrypts many tokens at once as it decrypts each', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 64 }), { maxLength: 20 }), (texts) => {
        const tokens = texts.map((t) => vault.encrypt(t));
        expect(vault.decryptMany(tokens)).toEqual(tokens.map((t) => vault.decrypt(t)));
        expect(vault.decryptMany(tokens)).toEqual(texts);
      }),
    );
  });

  it('refuses many tokens at once if one of them was changed', () => {
    const changed = Buffer.from(vault.encrypt('6217000000000000002'), 'base64');
    changed[20] = (changed[20] ?? 0) ^ 1;
    const tokens = [vault.encrypt('6217000000000000001'), changed.toString('base64')];
    expect(() => vault.decryptMany(tokens)).toThrow(/integrity/);
  });

  it('refuses a token whose padding is wrong, though its MAC is right, as decrypt does', () => {
    // A key of ours with a body whose last block does not decrypt to valid padding, MAC'd by us:
    // only a bug could make one, and neither way of decrypting may hand back its bytes.
    const key = Buffer.alloc(32, 7);
    const ours = new Vault(key);
    const good = Buffer.from(ours.encrypt('6217000000000000001'), 'base64');
    const body = good.subarray(0, good.length - 32);
    body[body.length - 17] = (body[body.length - 17] ?? 0) ^ 0xff; // garbles the last block's padding
    const macKey = createHmac('sm3', key).update('huimin/encryption-mac/v1').digest();
    const token = Buffer.concat([body, createHmac('sm3', macKey).update(body).digest()]).toString('base64');
    expect(() => ours.decrypt(token)).toThrow();
    expect(() => ours.decryptMany([token])).toThrow(/bad decrypt/);
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
