import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PIN, removeDir, startDaemon, type Daemon } from './maintenance-helpers';
import { execFile } from 'node:child_process';
import path from 'node:path';

/** Issue 12 #1, #2 over HTTP: the client's socket address decides whose failures count. */
let d: Daemon;
beforeAll(async () => {
  d = await startDaemon({ devices: {} });
});
afterAll(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
});

const login = (pin: string, remoteAddress = '127.0.0.1') =>
  d.app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin }, remoteAddress });

describe('maintenance login over HTTP', () => {
  it('a burst of guesses from the hall network neither gets the PIN verified hundreds of times nor locks the screen', async () => {
    const burst = await Promise.all(Array.from({ length: 100 }, () => login('000000', '10.0.0.66')));
    const codes = burst.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'PIN_WRONG').length).toBeLessThanOrEqual(5);
    expect(codes.every((c) => ['PIN_WRONG', 'PIN_LOCKED', 'PIN_BUSY'].includes(c))).toBe(true);
    expect(burst.every((r) => [401, 429].includes(r.statusCode))).toBe(true);
    for (let i = 0; i < 10; i += 1) await login('000000', '10.0.0.66');
    expect((await login(TEST_PIN, '10.0.0.66')).json().error.code).toBe('PIN_LOCKED');
    expect((await login(TEST_PIN)).statusCode).toBe(200);
  });

  it('takes the one-time code of `npm run doctor -- --maintenance-code` on the screen while the screen is locked', async () => {
    for (let i = 0; i < 5; i += 1) await login('000000');
    expect((await login(TEST_PIN)).json().error.code).toBe('PIN_LOCKED');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('npm', ['run', '-s', 'doctor', '--', '--maintenance-code'], {
        cwd: path.resolve(import.meta.dirname, '../..'), env: { ...process.env, KIOSK_DATA_DIR: d.dataDir }, timeout: 60_000,
      }, (err, out) => (err ? reject(err) : resolve(out))),
    );
    const code = /(\d{12})/.exec(stdout)![1]!;
    expect((await login(code, '10.0.0.66')).statusCode).not.toBe(200);
    expect((await login(code)).statusCode).toBe(200);
    expect((await login(TEST_PIN)).statusCode).toBe(200);
  });
});
