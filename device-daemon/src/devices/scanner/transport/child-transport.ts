import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { ScanProcess, ScanTransport } from './scan-transport';
import type { ScanExit } from '../codec/status';

export interface ChildTransportOptions {
  /** The program; `scanimage` on the PATH by default. */
  command?: string;
  /** Extra environment, e.g. SANE_CONFIG_DIR for the test backend. */
  env?: Record<string, string>;
}

const KILL_GRACE_MS = 2000;

/** The production transport: spawns scanimage (sane-utils). No shell is involved, so arguments are not parsed twice. */
export class ChildProcessTransport implements ScanTransport {
  readonly description: string;
  private readonly command: string;
  private readonly env: Record<string, string>;

  constructor(opts: ChildTransportOptions = {}) {
    this.command = opts.command ?? 'scanimage';
    this.env = opts.env ?? {};
    const envText = Object.entries(this.env).map(([k, v]) => `${k}=${v}`).join(' ');
    this.description = envText ? `${this.command} (${envText})` : this.command;
  }

  run(args: readonly string[]): ScanProcess {
    const child = spawn(this.command, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // eslint-disable-next-line no-restricted-properties -- nothing is read: the child inherits the daemon's environment plus its own
      env: { ...process.env, ...this.env },
    });
    // Streams that exist even when spawning fails, so callers need no special case.
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    child.stdout.pipe(stdout);
    child.stderr.pipe(stderr);
    const exit = new Promise<ScanExit>((resolve) => {
      child.once('error', (err: NodeJS.ErrnoException) => {
        stdout.end();
        stderr.end();
        resolve({ code: null, signal: null, spawnError: err.code ?? err.message });
      });
      // 'close' comes after both pipes ended: every byte has been delivered.
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    return {
      stdout,
      stderr,
      exit,
      kill: () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        // scanimage's handler answers the first SIGTERM by cancelling the scan, which can hang in a backend.
        child.kill('SIGTERM');
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }, KILL_GRACE_MS).unref();
      },
    };
  }
}
