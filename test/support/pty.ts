import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real pseudo-terminal pair made by socat: bytes written to one end come out of the other, through the
 * kernel's tty layer, as they would from a USB-serial adapter. The host opens `hostPath` with the production
 * SerialTransport; a simulator opens `devicePath`.
 */
export interface PtyPair {
  hostPath: string;
  devicePath: string;
  close(): Promise<void>;
}

export async function openPtyPair(timeoutMs = 5000): Promise<PtyPair> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-pty-'));
  const hostPath = path.join(dir, 'host');
  const devicePath = path.join(dir, 'device');
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const started = Date.now();
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (child.exitCode !== null) throw new Error(`socat exited ${child.exitCode}: ${stderr}`);
    if (Date.now() - started > timeoutMs) {
      child.kill();
      throw new Error(`socat did not create the pty links in ${timeoutMs} ms (is socat installed?)`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    hostPath,
    devicePath,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
