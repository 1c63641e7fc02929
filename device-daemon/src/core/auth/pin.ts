import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The technician PIN as an scrypt hash: `scrypt$<N>$<r>$<p>$<salt base64>$<key base64>`.
 * The cost parameters travel with the hash so they can be raised later without breaking stored hashes.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** Hashes with parameters above this are refused: a hostile config must not make verify take minutes. */
const MAX_N = 1 << 20;

export const PIN_PATTERN = /^\d{4,12}$/;

function scrypt(pin: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(pin, salt, keyLength, { ...options, maxmem: 256 * options.N! * options.r! + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPin(pin: string): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('a PIN is 4 to 12 digits');
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** Parses a stored hash; returns undefined when it is not one this module wrote. */
export function parsePinHash(hash: string): ParsedHash | undefined {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(hash);
  if (!m) return undefined;
  const [n, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const powerOfTwo = n > 1 && (n & (n - 1)) === 0;
  if (!powerOfTwo || n > MAX_N || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  const key = Buffer.from(m[5]!, 'base64');
  if (key.length < 16) return undefined;
  return { N: n, r, p, salt: Buffer.from(m[4]!, 'base64'), key };
}

/** Constant-time comparison of a typed PIN against a stored hash. */
export async function verifyPin(pin: string, hash: string): Promise<boolean> {
  const parsed = parsePinHash(hash);
  if (!parsed || typeof pin !== 'string' || pin.length > 64) return false;
  const key = await scrypt(pin, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.key);
}

/** A fresh 6-digit PIN from the system's CSPRNG. */
export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
