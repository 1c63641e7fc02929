import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killOnceBusy, startDaemonProcess, type DaemonProcess } from '../support/daemon-process';
import { SqliteDb } from '../../device-daemon/src/store/sqlite';
import { seeded, startUpstream, type Upstream } from '../support/upstream';
import { hashPin } from '../../device-daemon/src/core/auth/pin';

/**
 * Nothing acknowledged is lost: a real daemon process is rated over HTTP and SIGKILLed at random moments,
 * tens of times, while the upstream fails at random. At the end every rating that got a 201 has reached the
 * upstream (one kept delivery per Idempotency-Key, every repeat byte-identical) and SQLite is sound. Each worker
 * is a window with its own staff member signed in, serving each ticket (call, start, 办结 with a 办件编号) before it
 * is rated, so sign-in, finishing and rating all meet the kills, and every rating names its window, staff and 办件.
 */
const KILLS = 20;
const WORKERS = 4;
const random = seeded(20250607);
const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-crash-'));
let upstream: Upstream | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await upstream?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startDaemon(configFile: string): Promise<DaemonProcess> {
  const started = await startDaemonProcess(configFile, dir);
  child = started.proc;
  return started;
}

const post = (base: string, url: string, body: unknown, token?: string) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const PIN = '135790';
const staffOf = (window: number) => `S00${window}`;

/** Each window's sign-in token: sessions are kept in the store, so one outlives the daemon that made it. */
const tokens = new Map<number, string>();

/** Issues, serves and rates tickets at one window until the daemon dies; collects the ids answered 201. */
async function rateUntilDeath(base: string, window: number, acked: Map<string, number>, stop: { dead: boolean }): Promise<void> {
  let i = 0;
  let interrupted = true; // a kill may have left a ticket at the window
  while (!stop.dead) {
    try {
      if (!tokens.has(window)) {
        const s = await post(base, `/api/counters/${window}/session`, { staffId: staffOf(window), pin: PIN });
        if (s.status !== 200) continue;
        tokens.set(window, ((await s.json()) as { token: string }).token);
      }
      const token = tokens.get(window)!;
      if (interrupted) {
        // Finish whatever the kill left at the window (refusals are fine), then go on.
        await post(base, `/api/counters/${window}/start`, {}, token);
        await post(base, `/api/counters/${window}/done`, {}, token);
        interrupted = false;
      }
      const t = await post(base, '/api/queue/tickets', { categoryId: 'A', delivery: 'screen' });
      if (t.status !== 201) continue;
      const { ticket } = (await t.json()) as { ticket: { id: string; number: string } };
      interrupted = true;
      for (const [action, body] of [['call', { number: ticket.number }], ['start', {}], ['done', { caseNumber: `W${window}-${ticket.id}` }]] as const) {
        const r = await post(base, `/api/counters/${window}/${action}`, body, token);
        if (r.status === 401) tokens.delete(window);
        if (r.status !== 200) throw new Error(`${action}: ${r.status}`);
      }
      interrupted = false;
      const level = 1 + (i++ % 5);
      const r = await post(base, '/api/evaluations', { ticketId: ticket.id, level, channel: 'kiosk', ...(level < 3 ? { reasons: ['等候时间过长'] } : {}) });
      if (r.status === 201) acked.set(((await r.json()) as { evaluation: { id: string } }).evaluation.id, window);
    } catch {
      // The daemon was killed mid-request: not acknowledged, so nothing is promised for it.
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

describe('evaluation delivery survives SIGKILL', () => {
  it(`every acknowledged rating reaches a flaky upstream across ${KILLS} kills, once per key, and the store is sound`, async () => {
    upstream = await startUpstream({ seed: 99, faults: { reset: 0.1, stall: 0.05, error: 0.2, ackLost: 0.1 } });
    const configFile = path.join(dir, 'kiosk.json');
    writeFileSync(configFile, JSON.stringify({
      hall: { name: '测试大厅' },
      devices: { keypad: { driver: 'simulated' } },
      store: { driver: 'sqlite', path: path.join(dir, 'kiosk.db') },
      queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2, 3, 4] }] },
      staff: await Promise.all([1, 2, 3, 4].map(async (w) => ({ id: staffOf(w), name: `员工${w}`, roles: ['window'], pinHash: await hashPin(PIN) }))),
      evaluation: { upstream: { url: upstream.url, timeoutMs: 400, initialRetryMs: 30, maxRetryMs: 300 } },
      log: { level: 'error' },
    }));
    const acked = new Map<string, number>();
    for (let k = 0; k < KILLS; k++) {
      const { proc, base } = await startDaemon(configFile);
      const stop = { dead: false };
      const workers = Array.from({ length: WORKERS }, (_w, i) => rateUntilDeath(base, i + 1, acked, stop));
      // Each rating now takes a served visit (issue, call, start, 办结, rate): daemons live a little longer.
      const before = acked.size;
      await killOnceBusy(proc, () => acked.size > before, random() * 900);
      stop.dead = true;
      await Promise.all(workers);
    }
    // Every daemon acknowledged at least one rating before its kill (killOnceBusy waits for one).
    expect(acked.size).toBeGreaterThanOrEqual(KILLS);

    // A last daemon drains the outbox, the upstream still failing at random.
    const { proc } = await startDaemon(configFile);
    const db = new SqliteDb(path.join(dir, 'kiosk.db')); // a second connection: WAL lets it read alongside
    const end = Date.now() + 40_000;
    const missing = () => [...acked.keys()].filter((id) => !(upstream!.deliveries.get(id)?.accepted));
    const undelivered = async () => (await db.query("SELECT message_id FROM upstream_outbox WHERE state <> 'delivered'")).length;
    while ((missing().length > 0 || (await undelivered()) > 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(missing()).toEqual([]);
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    child = undefined;

    for (const [id, window] of acked) {
      expect(upstream.deliveries.get(id)!.sameBody, id).toBe(true);
      // The rating names the window, the staff member signed in there and the 办件 it finished.
      const body = upstream.deliveries.get(id)!.body as { window: number; staffId: string; caseNumber: string };
      expect([body.window, body.staffId, body.caseNumber.startsWith(`W${window}-`)], id).toEqual([window, staffOf(window), true]);
    }
    const repeats = [...upstream.deliveries.values()].filter((d) => d.accepted > 1).length;
    console.info(`crash test: ${acked.size} acknowledged, ${upstream.deliveries.size} keys upstream, ${repeats} deduped repeats, ${upstream.stats.requests} requests`);

    try {
      expect(await db.integrityCheck()).toEqual([]);
      const rows = await db.query<{ message_id: string; state: string }>('SELECT message_id, state FROM upstream_outbox');
      const state = new Map(rows.map((r) => [r.message_id, r.state]));
      for (const id of acked.keys()) expect(state.get(id), id).toBe('delivered');
      // Every rating has its outbox row: they were written in one transaction.
      const orphans = await db.query('SELECT e.id FROM evaluations e LEFT JOIN upstream_outbox o ON o.message_id = e.id WHERE o.message_id IS NULL');
      expect(orphans).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
