import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';

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
  const port = (app.server.address() as { port: number }).port;
  const client = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'idcard-client.ts'), `ws://127.0.0.1:${port}/api/events`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<string, (t: number) => void>();
  const opened = new Promise<void>((resolve, reject) => {
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
  await opened;
  // Start-up work the daemon leaves running in the background (the voice engine's probe spawns espeak-ng,
  // which blocks the loop while it forks) is let finish: a kiosk's first card comes long after its start.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return {
    app,
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
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
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
