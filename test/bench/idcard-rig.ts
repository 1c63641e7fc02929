import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';
import { daemonCommand, UNIT_ENV } from './processes';

// The ID-card bench's daemon (idcard.ts, idcard-pty.ts): one app with a reader, and one WebSocket client in a
// process of its own (idcard-client.ts).

/** The SAM module's line speed. */
export const BAUD = 115200;

export interface Rig {
  app: FastifyInstance;
  /** When the next WebSocket message of this type reached the client, on this process's performance.now() scale. */
  next(type: string): Promise<number>;
  close(): Promise<void>;
}

export async function rig(idReader: Record<string, unknown>): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-id-'));
  const config = await benchConfig({ devices: { idReader }, store: { driver: 'sqlite', path: path.join(dataDir, 'k.db') }, log: { level: 'silent' } }, dataDir);
  const app = buildApp({ config }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const client = await wsClient((app.server.address() as { port: number }).port);
  // Start-up work the daemon leaves running in the background (the voice engine's probe spawns espeak-ng,
  // which blocks the loop while it forks) is let finish: a kiosk's first card comes long after its start.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return {
    app,
    next: client.next,
    async close() {
      await client.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the daemon of `rigApart` stamped since the last report, on this process's performance.now() scale. */
export interface Stamps {
  lastByteAt?: number;
  published?: number;
  idle?: number;
  bare: number[];
}

export interface ApartRig {
  /** The daemon's pid, for its threads' CPU (`machine`). */
  pid: number;
  /** The WebSocket client's pid. */
  clientPid: number;
  next(type: string): Promise<number>;
  /** `put`, `remove` or `bare` (idcard-daemon.ts). */
  send(command: 'put' | 'remove' | 'bare'): void;
  report(): Promise<Stamps>;
  close(): Promise<void>;
}

/**
 * The daemon in a process of its own (idcard-daemon.ts) with a simulated reader, and the same WebSocket client
 * process as `rig`: this process only sends commands and reads stamps, so none of its allocations land in the
 * daemon's heap. The daemon runs compiled, with the flags and environment of the systemd unit (processes.ts), as
 * a kiosk runs it.
 */
export async function rigApart(idReader: Record<string, unknown>): Promise<ApartRig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-id-'));
  const config = { devices: { idReader }, store: { driver: 'sqlite', path: path.join(dataDir, 'k.db') }, log: { level: 'silent' } };
  const daemon = spawn(process.execPath, await daemonCommand('compiled', 'idcard-daemon'), {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...UNIT_ENV, ...process.env, KIOSK_BENCH_CONFIG: JSON.stringify(config), KIOSK_BENCH_DATA_DIR: dataDir },
  });
  const reports: ((s: Stamps) => void)[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    daemon.once('exit', (code) => reject(new Error(`the bench's daemon exited (${code})`)));
    createInterface({ input: daemon.stdout }).on('line', (line) => {
      if (line.startsWith('port ')) resolve(Number(line.slice(5)));
      if (line.startsWith('report ')) {
        const m = JSON.parse(line.slice(7)) as Stamps;
        const at = (t: number | undefined) => (t === undefined ? undefined : fromMonotonic(t));
        reports.shift()?.({ ...m, lastByteAt: at(m.lastByteAt), published: at(m.published), bare: m.bare.map(fromMonotonic) });
      }
    });
  });
  const client = await wsClient(port);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return {
    pid: daemon.pid!,
    clientPid: client.pid,
    next: client.next,
    send: (command) => daemon.stdin.write(`${command}\n`),
    report: () => new Promise((resolve) => {
      reports.push(resolve);
      daemon.stdin.write('report\n');
    }),
    async close() {
      await client.close();
      const exited = new Promise((r) => daemon.once('exit', r));
      daemon.stdin.end();
      const killer = setTimeout(() => daemon.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The WebSocket client in a process of its own (idcard-client.ts), on the daemon's /api/events. */
async function wsClient(port: number): Promise<{ pid: number; next(type: string): Promise<number>; close(): Promise<void> }> {
  const client = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'idcard-client.ts'), `ws://127.0.0.1:${port}/api/events`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<string, (t: number) => void>();
  await new Promise<void>((resolve, reject) => {
    client.once('exit', (code) => reject(new Error(`the bench's WebSocket client exited (${code})`)));
    createInterface({ input: client.stdout }).on('line', (line) => {
      const m = JSON.parse(line) as { open?: number; type?: string; at?: number };
      if (m.open) resolve();
      if (m.type && m.at) {
        waiting.get(m.type)?.(fromMonotonic(m.at));
        waiting.delete(m.type);
      }
    });
  });
  return {
    pid: client.pid!,
    next: (type) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${type}`)), 10_000);
      waiting.set(type, (at) => (clearTimeout(t), resolve(at)));
    }),
    async close() {
      const exited = new Promise((r) => client.once('exit', r));
      client.stdin.end();
      const killer = setTimeout(() => client.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The offset of performance.now() from CLOCK_MONOTONIC (process.hrtime), both in ms: constant in a process. */
const MONOTONIC_AT_ZERO = Number(process.hrtime.bigint()) / 1e6 - performance.now();
/** A time another process took from CLOCK_MONOTONIC (the same clock machine-wide), on this process's performance.now() scale. */
export const fromMonotonic = (t: number) => t - MONOTONIC_AT_ZERO;

export const ms = (x: number) => `${x.toFixed(2)} ms`;
/** How long a fresh daemon is left alone before the first card. */
const SETTLE_MS = 1000;

export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * CPU time of this process's threads other than the main one, ms (schedstat's first field, in ns): V8's garbage
 * collector and compiler threads and libuv's pool, which compete for the two cores with the main thread, the
 * reader process and socat.
 */
export function otherThreadsMs(): number {
  let sum = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    if (tid === String(process.pid)) continue;
    try {
      sum += Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      // ended meanwhile
    }
  }
  return sum;
}

/**
 * Each process's threads together, from schedstat, ms: CPU (`run`), time runnable but waiting for a core
 * (`wait`), and the CPU of its threads besides the main one (`helpers`: for a Node process V8's collector and
 * compiler and libuv's pool).
 */
export interface Scheduled {
  run: number;
  wait: number;
  helpers: number;
}

/**
 * What every process of the machine (kernel threads included) has had from the scheduler so far, by pid: read
 * from each thread's schedstat, since this kernel has no machine-wide /proc/schedstat. About 150 small reads.
 */
export function machine(): Map<number, Scheduled> {
  const all = new Map<number, Scheduled>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const sum = { run: 0, wait: 0, helpers: 0 };
    try {
      for (const tid of readdirSync(`/proc/${name}/task`)) {
        const [run, wait] = readFileSync(`/proc/${name}/task/${tid}/schedstat`, 'utf8').split(' ');
        sum.run += Number(run) / 1e6;
        sum.wait += Number(wait) / 1e6;
        if (tid !== name) sum.helpers += Number(run) / 1e6;
      }
    } catch {
      // ended meanwhile
    }
    all.set(Number(name), sum);
  }
  return all;
}

/** What one process had between two readings of `machine()` (all of it if it started since). */
export function of(before: Map<number, Scheduled>, after: Map<number, Scheduled>, pid: number): Scheduled {
  const a = after.get(pid) ?? { run: 0, wait: 0, helpers: 0 };
  const b = before.get(pid) ?? { run: 0, wait: 0, helpers: 0 };
  return { run: Math.max(0, a.run - b.run), wait: Math.max(0, a.wait - b.wait), helpers: Math.max(0, a.helpers - b.helpers) };
}

/** Between two readings of `machine()`: the CPU of every process but `pids`, and every thread's wait for a core. */
export function between(before: Map<number, Scheduled>, after: Map<number, Scheduled>, pids: readonly number[]): { others: number; wait: number } {
  let others = 0;
  let wait = 0;
  for (const pid of after.keys()) {
    const d = of(before, after, pid);
    wait += d.wait;
    if (!pids.includes(pid)) others += d.run;
  }
  return { others, wait };
}
