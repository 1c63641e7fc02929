import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { buildApp, REDACT } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { Clock } from '../../device-daemon/src/core/clock';
import { testPinHash } from './maintenance-helpers';

export type Message = { type: string; [k: string]: unknown };

/** Categories of the ID tests: A needs the card, B takes it optionally, C never. */
export const ID_CATEGORIES = [
  { id: 'A', name: '社会民生', realName: 'required' },
  { id: 'B', name: '注册登记', realName: 'optional' },
  { id: 'C', name: '经营许可', realName: 'off' },
];

export interface IdApp {
  app: FastifyInstance;
  base: string;
  dataDir: string;
  /** Every WebSocket message of one client, as parsed JSON, plus the raw text for privacy checks. */
  messages: Message[];
  raw: string[];
  waitFor(type: string, match?: (m: Message) => boolean, ms?: number): Promise<Message>;
  http(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface IdAppOptions {
  idReader?: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** Log sink at level trace (privacy test); silent otherwise. */
  logStream?: Writable;
  clock?: Clock;
  dataDir?: string;
}

/** The daemon listening on 127.0.0.1 with an ID reader and one WebSocket client collecting events. */
export async function startIdApp(opts: IdAppOptions = {}): Promise<IdApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kiosk-id-'));
  const raw = {
    hall: { name: '测试大厅' },
    devices: { idReader: opts.idReader ?? { driver: 'simulated', pollIntervalMs: 50 } },
    store: { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') },
    queue: { categories: ID_CATEGORIES },
    maintenance: { pinHash: await testPinHash() },
    ...opts.config,
  };
  const logger = opts.logStream
    ? { level: 'trace', redact: { paths: REDACT, censor: '[redacted]' }, stream: opts.logStream }
    : false;
  // buildApp exposes the app's decorations (identity, store) to the test.
  const app = buildApp({ config: parseConfig(raw, dataDir), clock: opts.clock }, { logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  const base = `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  const messages: Message[] = [];
  const rawMessages: string[] = [];
  const waiters = new Set<() => void>();
  const ws = new WebSocket(`ws://${base}/api/events`);
  ws.on('message', (d) => {
    rawMessages.push(String(d));
    messages.push(JSON.parse(String(d)));
    for (const w of waiters) w();
  });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));

  const waitFor = (type: string, match: (m: Message) => boolean = () => true, ms = 5000) =>
    new Promise<Message>((resolve, reject) => {
      const from = messages.length;
      const check = () => {
        const found = messages.slice(from).find((m) => m.type === type && match(m));
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${type} within ${ms} ms; got ${messages.slice(from).map((m) => m.type).join(', ')}`));
      }, ms);
      waiters.add(check);
    });

  const http = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`http://${base}${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    app, base, dataDir, messages, raw: rawMessages, waitFor, http,
    async close() {
      ws.close();
      await app.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Messages wait from the moment of the call: start waiting, then act. */
export async function act<T>(wait: Promise<T>, action: () => Promise<unknown>): Promise<T> {
  await action();
  return wait;
}
