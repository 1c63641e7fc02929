import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { KioskEvent } from '../../device-daemon/src/events/bus';
import { tempDataDir, testPinHash } from './maintenance-helpers';
import { tokenHash } from '../../device-daemon/src/queue/counter-auth';

/** The token of window 1, which serves every default category: tickets are served there before they are rated. */
export const WINDOW_TOKEN = 'eval-window-1';

/** Shared by the evaluation-*.test.ts files. */

/** Business time that runs with the wall clock (the sender's retries must come due) and can jump ahead. */
export class RunningClock {
  t = 0;
  now = () => new Date(Date.now() + this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface EvalDaemon {
  app: FastifyInstance;
  clock: RunningClock;
  dataDir: string;
  events: KioskEvent[];
}

/** A daemon with the simulated keypad, fast retries and `upstreamUrl` as the provincial system. */
export async function startEvalDaemon(upstreamUrl: string | undefined, extra: Record<string, unknown> = {}): Promise<EvalDaemon> {
  const clock = new RunningClock();
  const dataDir = tempDataDir();
  const raw = {
    store: { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') },
    maintenance: { pinHash: await testPinHash() },
    hall: { name: '测试大厅' },
    devices: { keypad: { driver: 'simulated', windowSeconds: 5, debounceMs: 10 } },
    evaluation: {
      ...(upstreamUrl ? { upstream: { url: upstreamUrl, timeoutMs: 300, initialRetryMs: 20, maxRetryMs: 200, deadLetterAfterHours: 72 } } : {}),
      followUp: { deadlineWorkingDays: 5, holidays: ['2025-06-05'] },
    },
    counters: { tokens: [{ counter: 1, sha256: tokenHash(WINDOW_TOKEN) }] },
    log: { level: 'silent' },
    ...extra,
  };
  const app = buildApp({ config: parseConfig(raw, dataDir), clock }, { logger: false });
  const events: KioskEvent[] = [];
  app.addHook('onReady', async () => {
    app.events.subscribe((e) => events.push(e));
  });
  await app.ready();
  return { app, clock, dataDir, events };
}

/**
 * Issues a ticket and, unless `served: false`, serves it at window 1 (call, start, 办结): only a served visit can
 * be rated.
 */
export async function issueTicket(app: FastifyInstance, categoryId = 'A', opts: { served?: boolean } = {}): Promise<{ id: string; number: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId, delivery: 'screen' } });
  if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  const ticket = res.json<{ ticket: { id: string; number: string } }>().ticket;
  if (opts.served !== false) await serveTicket(app, ticket.number);
  return ticket;
}

/** Serves a waiting ticket at a window through the counter API: call it, start, 办结 (with an optional 办件 body). */
export async function serveTicket(app: FastifyInstance, number: string, counter = 1, token = WINDOW_TOKEN, done?: Record<string, unknown>) {
  const headers = { authorization: `Bearer ${token}` };
  for (const [action, payload] of [['call', { number }], ['start', undefined], ['done', done]] as const) {
    const r = await app.inject({ method: 'POST', url: `/api/counters/${counter}/${action}`, headers, ...(payload ? { payload } : {}) });
    if (r.statusCode !== 200) throw new Error(`${action} ${number} at window ${counter}: ${r.statusCode} ${r.body}`);
  }
}

export function rate(app: FastifyInstance, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/evaluations', payload });
}

export async function until(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
