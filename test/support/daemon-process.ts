import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** A TCP port free on 127.0.0.1 right now (the OS picks it; a test binds it moments later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface DaemonProcess {
  proc: ChildProcess;
  base: string;
}

/**
 * Starts the real daemon host (`device-daemon/src/server.ts`) as its own process on a free port, with the
 * given configuration file and data folder, and resolves once `/api/health` answers. For tests that kill the
 * process (SIGKILL) and start it again on the same data: nothing in-process survives, as on a kiosk.
 */
export async function startDaemonProcess(configFile: string, dataDir: string, startTimeoutMs = 60_000): Promise<DaemonProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'device-daemon/src/server.ts'], {
    cwd: root,
    env: { ...process.env, KIOSK_CONFIG: configFile, KIOSK_DATA_DIR: dataDir, KIOSK_PORT: String(port), KIOSK_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + startTimeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`daemon exited with ${proc.exitCode}`);
    if (Date.now() > end) {
      proc.kill('SIGKILL');
      throw new Error(`daemon did not start in ${startTimeoutMs / 1000} s`);
    }
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { proc, base };
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * SIGKILLs the daemon at a random moment once it has done some work: first waits until `progressed()` says
 * something was acknowledged since this start (at most 30 s: on a loaded machine a fixed delay may end before
 * the first request does), then `extraMs` more, then kills and waits for the exit.
 */
export async function killOnceBusy(proc: ChildProcess, progressed: () => boolean, extraMs: number): Promise<void> {
  const end = Date.now() + 30_000;
  while (!progressed() && Date.now() < end && proc.exitCode === null) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, extraMs));
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await exited;
}
