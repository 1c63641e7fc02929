import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { LogRing } from '../../device-daemon/src/maintenance/log-ring';
import { SECRET_FILE } from '../../device-daemon/src/identity/secret';
import { PIN_FILE } from '../../device-daemon/src/maintenance/pin-source';
import { issueRecoveryCode, RECOVERY_FILE } from '../../device-daemon/src/maintenance/recovery-code';
import { removeDir, tempDataDir, testPinHash } from './maintenance-helpers';

/**
 * Secrets at rest (docs/SECURITY.md): the identity secret, the generated PIN hash, the recovery code and any key
 * file kept apart from the database (contact data sealing) are readable by the daemon's user only (0600), even
 * when a restored copy came with a wider mode.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeDir(d);
});

async function start(dataDir: string) {
  const config = parseConfig({ store: { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') }, devices: {} }, dataDir);
  const app = buildApp({ config, logRing: new LogRing(10) }, { logger: false });
  await app.ready();
  return app;
}

const modeOf = (file: string) => statSync(file).mode & 0o777;
/** Key files other features keep in the data folder (e.g. the contact-data sealing key of core/crypto/sealed.ts). */
const keyFiles = (dir: string) => readdirSync(dir).filter((f) => /\.key$|sealed|secret/.test(f));

describe('secrets at rest', () => {
  it('creates the identity secret and the PIN hash with mode 0600, and every key file likewise', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const app = await start(dir);
    await app.close();
    expect(modeOf(path.join(dir, SECRET_FILE))).toBe(0o600);
    expect(modeOf(path.join(dir, PIN_FILE))).toBe(0o600);
    for (const f of keyFiles(dir)) expect({ f, mode: modeOf(path.join(dir, f)) }).toEqual({ f, mode: 0o600 });
    issueRecoveryCode(dir);
    expect(modeOf(path.join(dir, RECOVERY_FILE))).toBe(0o600);
  });

  it('narrows a restored file that came back readable by others', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    writeFileSync(path.join(dir, PIN_FILE), `${await testPinHash()}\n`);
    writeFileSync(path.join(dir, SECRET_FILE), 'ab'.repeat(32));
    chmodSync(path.join(dir, PIN_FILE), 0o644);
    chmodSync(path.join(dir, SECRET_FILE), 0o644);
    const app = await start(dir);
    await app.close();
    expect(modeOf(path.join(dir, PIN_FILE))).toBe(0o600);
    expect(modeOf(path.join(dir, SECRET_FILE))).toBe(0o600);
  });
});
