import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './daemon-process';

/**
 * A throwaway PostgreSQL 15 server for tests: initdb into a fresh folder owned by `postgres`, listening only on
 * 127.0.0.1 and a free port, trust authentication, no Unix socket outside its own folder.
 *
 * Contract: `startPostgres()` either returns a running server with one empty database or cleans up and throws;
 * `stop()` stops the server and deletes the folder and is safe to call twice; a process that dies without
 * calling it still stops the server (exit hook). `down()`/`up()` stop and restart the same server on the same
 * port, keeping its data, to test connection loss.
 */
export interface TestPostgres {
  url: string;
  port: number;
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

export const PG_BIN = process.env.KIOSK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PG_USER = 'postgres';

export interface StartOptions {
  database?: string;
  /** fsync on: for benchmarks that compare durable writes with SQLite (synchronous=FULL). Off for tests. */
  durable?: boolean;
  timeoutMs?: number;
}

/** Runs a PostgreSQL binary as the `postgres` user (initdb and postgres refuse to run as root). */
function asPostgres(bin: string, args: string[], timeoutMs: number): Promise<string> {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', PG_USER, '--', path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${bin}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${bin} ${args.join(' ')} failed (${signal ?? code}): ${out.slice(-2000)}`));
    });
  });
}

export async function startPostgres(opts: StartOptions = {}): Promise<TestPostgres> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const database = opts.database ?? 'kiosk_test';
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (process.getuid?.() === 0) {
    const ids = spawnSync('id', ['-u', PG_USER], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', PG_USER], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const port = await freePort();
  const serverOpts = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    `-c fsync=${opts.durable ? 'on' : 'off'}`,
    `-c synchronous_commit=${opts.durable ? 'on' : 'off'}`,
    `-c full_page_writes=${opts.durable ? 'on' : 'off'}`,
    '-c max_connections=100',
  ].join(' ');
  const pgctl = (action: 'start' | 'stop', extra: string[]) =>
    asPostgres('pg_ctl', [action, '-D', data, '-w', '-t', String(Math.ceil(timeoutMs / 1000)), ...extra], timeoutMs + 5000);

  let running = false;
  const stopSync = () => {
    if (!running) return;
    running = false;
    spawnSync('runuser', ['-u', PG_USER, '--', path.join(PG_BIN, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate', '-w', '-t', '10'], {
      stdio: 'ignore',
      timeout: 15_000,
    });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  const down = async () => {
    if (!running) return;
    await pgctl('stop', ['-m', 'fast']);
    running = false;
  };
  const up = async () => {
    if (running) return;
    await pgctl('start', ['-l', log, '-o', serverOpts]);
    running = true;
  };

  try {
    await asPostgres('initdb', ['-D', data, '-U', PG_USER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], timeoutMs);
    await up();
    await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, database], timeoutMs);
  } catch (err) {
    stopSync();
    process.removeListener('exit', stopSync);
    throw err;
  }

  return {
    url: `postgres://${PG_USER}@127.0.0.1:${port}/${database}`,
    port,
    down,
    up,
    async stop() {
      process.removeListener('exit', stopSync);
      if (running) {
        // A fast stop ends sessions cleanly; if it fails, stopSync falls back to an immediate stop.
        await pgctl('stop', ['-m', 'fast']).then(() => (running = false), () => undefined);
      }
      stopSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
