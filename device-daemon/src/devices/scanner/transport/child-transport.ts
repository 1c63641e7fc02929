import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { RunOptions, ScanProcess, ScanTransport } from './scan-transport';
import { openOutputFile } from './output-file';
import { loadSpawner, type Spawner } from '../../core/spawn-without-fork';
import type { ScanExit } from '../codec/status';

export interface ChildTransportOptions {
  /** The program; `scanimage` on the PATH by default. */
  command?: string;
  /** Extra environment, e.g. SANE_CONFIG_DIR for the test backend. */
  env?: Record<string, string>;
  /** A RAM file system for images written to a file (`run(args, { toFile: true })`); /dev/shm by default. */
  outputFolder?: string;
}

const KILL_GRACE_MS = 2000;

/** The production transport: spawns scanimage (sane-utils). No shell is involved, so arguments are not parsed twice. */
export class ChildProcessTransport implements ScanTransport {
  readonly description: string;
  private readonly command: string;
  private readonly env: Record<string, string>;
  private readonly outputFolder: string;
  /** An output file could not be made once: the system cannot, so every run uses the pipe. */
  private noOutputFile = false;
  /** Starts image runs without fork() once loaded (core/spawn-without-fork.ts); null where it cannot. */
  private spawner: Spawner | null | undefined;

  constructor(opts: ChildTransportOptions = {}) {
    this.command = opts.command ?? 'scanimage';
    this.env = opts.env ?? {};
    this.outputFolder = opts.outputFolder ?? '/dev/shm';
    const envText = Object.entries(this.env).map(([k, v]) => `${k}=${v}`).join(' ');
    this.description = envText ? `${this.command} (${envText})` : this.command;
  }

  /**
   * With `toFile`, scanimage writes its image straight into an unnamed file in RAM (output-file.ts) instead of
   * a pipe: a 300 dpi page is 87 reads of 64 KiB through the event loop otherwise, each a new buffer for the
   * garbage collector, and scanimage waits whenever the event loop is busy (the pipe holds 64 KiB).
   */
  run(args: readonly string[], options: RunOptions = {}): ScanProcess {
    const out = options.toFile && !this.noOutputFile ? openOutputFile(this.outputFolder) : undefined;
    if (options.toFile && !out) this.noOutputFile = true;
    if (out && this.spawner === undefined) {
      this.spawner = null; // until loaded: this page is started by Node's spawn
      void loadSpawner().then((s) => (this.spawner = s ?? null));
    }
    // eslint-disable-next-line no-restricted-properties -- nothing is read: the child inherits the daemon's environment plus its own
    if (out && this.spawner) return this.runWithoutFork(this.spawner, args, { ...process.env, ...this.env }, out);
    let child;
    try {
      child = spawn(this.command, [...args], {
        stdio: ['ignore', out ? out.fd : 'pipe', 'pipe'],
        // eslint-disable-next-line no-restricted-properties -- nothing is read: the child inherits the daemon's environment plus its own
        env: { ...process.env, ...this.env },
      });
    } catch (err) {
      void out?.file.close();
      throw err;
    }
    // Streams that exist even when spawning fails, so callers need no special case.
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    if (child.stdout) child.stdout.pipe(stdout);
    else stdout.end(); // the image is in the output file
    child.stderr?.pipe(stderr); // always a pipe (stdio above)
    const exit = new Promise<ScanExit>((resolve) => {
      child.once('error', (err: NodeJS.ErrnoException) => {
        if (!stdout.writableEnded) stdout.end();
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
      ...(out ? { output: out.file } : {}),
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

  /** The same run started by posix_spawn: the image into `out`, stderr through a pipe. */
  private runWithoutFork(spawner: Spawner, args: readonly string[], env: Record<string, string | undefined>, out: NonNullable<ReturnType<typeof openOutputFile>>): ScanProcess {
    const child = spawner(this.command, args, env, ['ignore', out.fd, 'pipe']);
    const stdout = new PassThrough().end(); // the image is in the output file
    const stderr = new PassThrough();
    child.stderr!.pipe(stderr);
    let ended = false;
    const exit = child.exit.then((e) => ((ended = true), e));
    const signal = (name: NodeJS.Signals) => {
      // Until it is reaped (exit), the pid is the child's, even when it has ended: never another process's.
      if (!ended && child.pid) process.kill(child.pid, name);
    };
    return {
      stdout,
      stderr,
      exit,
      output: out.file,
      kill: () => {
        signal('SIGTERM');
        setTimeout(() => signal('SIGKILL'), KILL_GRACE_MS).unref();
      },
    };
  }
}
