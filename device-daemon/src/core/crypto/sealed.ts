import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Sealing of contact data kept at rest (a rater's phone number): AES-256-GCM, with the key in a file of its
 * own (mode 0600) in the data folder, apart from the database, so a copy of the database alone reveals
 * nothing. A sealed value names the key that sealed it, so keys rotate: a new key seals, old keys still open
 * what they sealed until it is deleted with its retention.
 *
 * Sealed format: `s1.<key id>.<base64url(iv 12 bytes | tag 16 bytes | ciphertext)>`. The purpose (`context`)
 * is bound as additional data: a phone sealed for a 工单 does not open as anything else.
 */

export const KEY_FILE = 'contact-seal.keys';
const VERSION = 's1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealErrorCode = 'SEAL_TAMPERED' | 'SEAL_KEY_UNKNOWN' | 'SEAL_MALFORMED' | 'SEAL_KEY_FILE_INSECURE' | 'SEAL_KEY_FILE_INVALID';

export class SealError extends Error {
  constructor(readonly code: SealErrorCode, message: string) {
    super(message);
    this.name = 'SealError';
  }
}

interface Key {
  id: string;
  key: Buffer;
}

export class Sealer {
  private constructor(
    private readonly file: string,
    private readonly keys: Key[],
  ) {}

  /** Loads the key ring of `dataDir`, creating it (mode 0600) with a first key when absent. */
  static open(dataDir: string): Sealer {
    const file = path.join(dataDir, KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      // 'wx': two daemons starting at once do not overwrite each other's first key.
      try {
        fs.writeFileSync(file, line(newKey()), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) throw new SealError('SEAL_KEY_FILE_INSECURE', `${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
    return new Sealer(file, parseKeys(fs.readFileSync(file, 'utf8'), file));
  }

  /** The id of the key that seals new values (the last in the file). */
  get currentKeyId(): string {
    return this.keys[this.keys.length - 1]!.id;
  }

  seal(plain: string, context: string): string {
    const { id, key } = this.keys[this.keys.length - 1]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${VERSION}.${id}.${context}`, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  unseal(sealed: string, context: string): string {
    const [version, id, data, ...rest] = sealed.split('.');
    if (version !== VERSION || !id || !data || rest.length) throw new SealError('SEAL_MALFORMED', 'not a sealed value');
    const key = this.keys.find((k) => k.id === id);
    if (!key) throw new SealError('SEAL_KEY_UNKNOWN', `sealed with key ${id}, which this installation does not hold`);
    const raw = Buffer.from(data, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError('SEAL_MALFORMED', 'sealed value too short');
    const decipher = createDecipheriv('aes-256-gcm', key.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(`${VERSION}.${id}.${context}`, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SealError('SEAL_TAMPERED', 'sealed value altered or sealed for another purpose');
    }
  }

  /** Adds a new key that seals from now on; older keys stay to open what they sealed. Returns its id. */
  rotate(): string {
    const k = newKey();
    fs.appendFileSync(this.file, line(k), { mode: 0o600 });
    this.keys.push(k);
    return k.id;
  }
}

function newKey(): Key {
  return { id: randomBytes(4).toString('hex'), key: randomBytes(32) };
}

const line = (k: Key) => `${k.id} ${k.key.toString('base64')}\n`;

function parseKeys(text: string, file: string): Key[] {
  const keys = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [id, b64] = l.trim().split(/\s+/);
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!id || !/^[0-9a-f]{8}$/.test(id) || key.length !== 32) throw new SealError('SEAL_KEY_FILE_INVALID', `${file}: a line is not "<8 hex id> <base64 32-byte key>"`);
      return { id, key };
    });
  if (keys.length === 0) throw new SealError('SEAL_KEY_FILE_INVALID', `${file} holds no key`);
  return keys;
}
