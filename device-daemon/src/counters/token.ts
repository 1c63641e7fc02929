/**
 * Prints a fresh staff token for a counter and the configuration entry that accepts it:
 *   npx tsx device-daemon/src/counters/token.ts 3
 * The token goes to the window staff (typed once on /counter/3); only its hash goes into the file.
 */
import { randomBytes } from 'node:crypto';
import { tokenHash } from '../core/guards';

const counter = Number(process.argv[2]);
if (!Number.isInteger(counter) || counter < 1 || counter > 999) {
  process.stderr.write('usage: counters/token.ts <counter number 1..999>\n');
  process.exit(64);
}
const token = randomBytes(16).toString('base64url');
process.stdout.write(`token for counter ${counter}: ${token}\n`);
process.stdout.write(`config: "counters": { "tokens": [ { "counter": ${counter}, "sha256": "${tokenHash(token)}" } ] }\n`);
