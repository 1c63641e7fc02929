import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { tokenHash } from '../../device-daemon/src/core/guards';
import type { KioskEvent } from '../../device-daemon/src/events/bus';
import { hashPin } from '../../device-daemon/src/core/auth/pin';

/** A fixed technician PIN, so the maintenance plugin does not generate and print one per test app. */
const pinHash = await hashPin('246810');

/** Staff tokens of the test hall: counter n has token `staff-token-n`. */
export const staffToken = (counter: number) => `staff-token-${counter}`;
export const staff = (counter: number) => ({ authorization: `Bearer ${staffToken(counter)}` });

/**
 * A small hall: A 社会民生 at windows 1 and 2, B 注册登记 at 2 and 3, F 绿色通道 (priority) at 1 and 2;
 * one priority call after every two normal ones; tokens for counters 1 and 2 only (3 stays locked).
 */
export function hallConfig(store: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) {
  return {
    hall: { name: '测试大厅' },
    devices: {},
    ...(store ? { store } : {}),
    queue: {
      priorityRatio: 2,
      categories: [
        { id: 'A', name: '社会民生', windows: [1, 2] },
        { id: 'B', name: '注册登记', windows: [2, 3] },
        { id: 'F', name: '企业绿色通道', windows: [1, 2], priority: true },
      ],
    },
    counters: { tokens: [1, 2].map((counter) => ({ counter, sha256: tokenHash(staffToken(counter)) })) },
    maintenance: { pinHash },
    log: { level: 'silent' },
    ...extra,
  };
}

export interface HallApp {
  app: FastifyInstance;
  events: KioskEvent[];
  dataDir: string;
  close(): Promise<void>;
}

/** Builds the daemon (not listening) with the test hall; `events` collects everything published on its bus. */
export async function startHallApp(opts: { pgUrl?: string; config?: Record<string, unknown> } = {}): Promise<HallApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-hall-'));
  const store = opts.pgUrl ? { driver: 'postgres', url: opts.pgUrl } : { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') };
  const app = buildApp({ config: parseConfig(hallConfig(store, opts.config), dataDir) }, { logger: false });
  const events: KioskEvent[] = [];
  // Added before the plugins' own onReady hooks run, so events published while starting are collected too.
  app.addHook('onReady', async () => {
    app.events.subscribe((e) => events.push(e));
  });
  try {
    await app.ready();
  } catch (err) {
    await app.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    app,
    events,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Issues a screen ticket through the API and returns its number. */
export async function issue(app: FastifyInstance, categoryId: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId, delivery: 'screen' } });
  if (res.statusCode !== 201) throw new Error(`issue ${categoryId}: ${res.statusCode} ${res.body}`);
  return res.json().ticket.number as string;
}

/** Runs a counter action through the API with that counter's token. */
export async function act(app: FastifyInstance, counter: number, action: string, payload?: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: `/api/counters/${counter}/${action}`, headers: staff(counter), ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

export async function until(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
