import { randomBytes } from 'node:crypto';
import { keyHash } from './auth';

/**
 * Makes a key for a window business system: `npx tsx device-daemon/src/integration/make-key.ts <id> [name]`.
 * Prints the key (for that system's configuration only) and the `integration.systems` entry (only its hash).
 */
const id = process.argv[2];
if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
  console.error('usage: make-key.ts <system id> [name]');
  process.exit(64);
}
const key = randomBytes(32).toString('base64url');
console.log(`key (give it to the business system, nowhere else): ${key}`);
console.log(`integration.systems entry: ${JSON.stringify({ id, name: process.argv[3] ?? id, keyHash: keyHash(key) })}`);
