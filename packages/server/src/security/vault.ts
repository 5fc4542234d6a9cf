import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Personal data at rest under the national commercial cryptography algorithms (GB/T 39786-2021):
 * SM4-CBC for confidentiality with HMAC-SM3 over IV and ciphertext for integrity (encrypt-then-MAC;
 * Node has no SM4-GCM), HMAC-SM3 as the keyed lookup hash for ID numbers, and HMAC-SM3 for the
 * audit chain so that someone who can write the database still cannot forge a consistent chain.
 *
 * One master key; each use gets its own key derived from it, so no key serves two purposes.
 */
export class Vault {
  private readonly encryptionKey: Buffer;
  private readonly macKey: Buffer;
  private readonly lookupKey: Buffer;
  private readonly auditKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length < 32) throw new Error('the master key must be at least 32 bytes');
    const derive = (label: string) => createHmac('sm3', masterKey).update(`huimin/${label}/v1`).digest();
    this.encryptionKey = derive('encryption').subarray(0, 16);
    this.macKey = derive('encryption-mac');
    this.lookupKey = derive('lookup');
    this.auditKey = derive('audit-chain');
  }

  static random(): Vault {
    return new Vault(randomBytes(32));
  }

  /** `base64(iv ‖ ciphertext ‖ mac)`. */
  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.encryptionKey, iv);
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
    const mac = createHmac('sm3', this.macKey).update(body).digest();
    return Buffer.concat([body, mac]).toString('base64');
  }

  decrypt(token: string): string {
    const body = this.verified(token);
    const decipher = createDecipheriv('sm4-cbc', this.encryptionKey, body.subarray(0, 16));
    return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
  }

  /**
   * `decrypt` of each token, in order, with one cipher for all of them: a bank file or a return
   * file decrypts a hundred thousand accounts, and setting up a cipher was half of each decrypt.
   * CBC makes each plaintext block D(C_i) ⊕ C_(i−1), and a token's IV is the block before its
   * first; so the tokens' bodies (IV ‖ ciphertext) laid end to end are one CBC stream whose output,
   * but for each IV's own block, is every token's plaintext. Each MAC is checked first, and the
   * padding as OpenSSL checks it, so anything `decrypt` refuses is refused here too.
   */
  decryptMany(tokens: readonly string[]): string[] {
    const bodies = tokens.map((token) => this.verified(token));
    for (const body of bodies) if (body.length % 16 !== 0) throw new Error('ciphertext is not whole blocks');
    const decipher = createDecipheriv('sm4-cbc', this.encryptionKey, Buffer.alloc(16));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.concat(bodies)), decipher.final()]);
    let at = 0;
    return bodies.map((body) => {
      const end = at + body.length;
      const text = unpadded(plain.subarray(at + 16, end));
      at = end;
      return text;
    });
  }

  /** A token's `iv ‖ ciphertext`, once its MAC is found right. */
  private verified(token: string): Buffer {
    const raw = Buffer.from(token, 'base64');
    if (raw.length < 16 + 16 + 32) throw new Error('ciphertext too short');
    const body = raw.subarray(0, raw.length - 32);
    const mac = raw.subarray(raw.length - 32);
    const expected = createHmac('sm3', this.macKey).update(body).digest();
    if (!timingSafeEqual(mac, expected)) throw new Error('ciphertext failed its integrity check');
    return body;
  }

  /** Equal inputs give equal hashes, so a unique index finds a person without decrypting anyone. */
  lookupHash(kind: 'id-number' | 'phone' | 'bank-account' | 'address' | 'one-time-code', value: string): string {
    return createHmac('sm3', this.lookupKey).update(`${kind}:${value}`).digest('hex');
  }

  auditMac(data: string): string {
    return createHmac('sm3', this.auditKey).update(data).digest('hex');
  }
}

/** PKCS #7 padding taken off, refused unless every padding byte says its length (as OpenSSL does). */
function unpadded(block: Buffer): string {
  const pad = block[block.length - 1] ?? 0;
  if (pad < 1 || pad > 16 || pad > block.length) throw new Error('bad decrypt');
  for (let i = block.length - pad; i < block.length; i++) if (block[i] !== pad) throw new Error('bad decrypt');
  return block.toString('utf8', 0, block.length - pad);
}

/**
 * The master key from HUIMIN_MASTER_KEY (64 hex characters), or else from `master.key` in the data
 * folder, created with mode 0600 on first start so the embedded quick start needs no setup. In
 * production the key belongs in the environment or a key manager, not beside the data.
 */
export function loadMasterKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const fromEnv = env.HUIMIN_MASTER_KEY;
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64,}$/.test(fromEnv))
      throw new Error('HUIMIN_MASTER_KEY must be at least 64 hexadecimal characters');
    return Buffer.from(fromEnv, 'hex');
  }
  if (dataDir.startsWith('memory://')) return randomBytes(32);
  const file = resolve(dataDir, 'master.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
