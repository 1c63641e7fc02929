import { execFile } from 'node:child_process';

export interface ExecResult {
  /** null when the program could not be started (see `missing`) or was killed by the timeout. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The program is not installed. */
  missing: boolean;
  timedOut: boolean;
}

/** Runs a program without a shell, with a timeout; never throws. Without `env` it inherits the doctor's. */
export function run(file: string, args: string[], timeoutMs = 10_000, env?: NodeJS.ProcessEnv): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, env }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      resolve({
        code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
        stdout: String(stdout ?? ''),
        stderr: String(stderr ?? ''),
        missing: e?.code === 'ENOENT',
        timedOut: Boolean(e?.killed),
      });
    });
  });
}
