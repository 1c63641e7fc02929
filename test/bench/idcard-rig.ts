import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';

// The ID-card bench's daemon (idcard.ts, idcard-pty.ts): one app with a reader and one WebSocket client.

/** The SAM module's line speed. */
export const BAUD = 115200;

export interface Rig {
  app: FastifyInstance;
  ws: WebSocket;
  /** performance.now() of the next WebSocket message of this type. */
  next(type: string): Promise<number>;
  close(): Promise<void>;
}

export async function rig(idReader: Record<string, unknown>): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-id-'));
  const config = await benchConfig({ devices: { idReader }, store: { driver: 'sqlite', path: path.join(dataDir, 'k.db') }, log: { level: 'silent' } }, dataDir);
  const app = buildApp({ config }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`);
  const waiting = new Map<string, (t: number) => void>();
  ws.on('message', (d) => {
    const at = performance.now();
    const type = (JSON.parse(String(d)) as { type: string }).type;
    waiting.get(type)?.(at);
    waiting.delete(type);
  });
  await new Promise((r) => ws.once('open', r));
  // Start-up work the daemon leaves running in the background (the voice engine's probe spawns espeak-ng,
  // which blocks the loop while it forks) is let finish: a kiosk's first card comes long after its start.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return {
    app, ws,
    next: (type) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${type}`)), 10_000);
      waiting.set(type, (at) => (clearTimeout(t), resolve(at)));
    }),
    async close() {
      ws.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
/** How long a fresh daemon is left alone before the first card. */
const SETTLE_MS = 1000;

export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
