import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killOnceBusy, startDaemonProcess, type DaemonProcess } from '../support/daemon-process';
import { tokenHash } from '../../device-daemon/src/core/guards';
import { SqliteDb } from '../../device-daemon/src/store/sqlite';
import { seeded } from '../support/upstream';
import { startSmsGateway, type SmsGateway } from '../support/sms-gateway';
import { idNumberOf } from './appointments-helpers';

/**
 * Every acknowledged booking's confirmation and every acknowledged check-in's «轮到您» and 过号 reach a gateway
 * that fails at random, once per key, although the daemon process is SIGKILLed at random moments while people
 * book and check in. The slot of the test starts ten minutes from now (hall time zone UTC), so check-in is open.
 */
const KILLS = 6;
const WORKERS = 3;
const random = seeded(20261201);
const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-appt-crash-'));
let gateway: SmsGateway | undefined;
let child: ChildProcess | undefined;

afterAll(async () => {
  child?.kill('SIGKILL');
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startDaemon(configFile: string): Promise<DaemonProcess> {
  const started = await startDaemonProcess(configFile, dir);
  child = started.proc;
  return started;
}

const post = (base: string, url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

let next = 0;
async function bookAndCheckInUntilDeath(base: string, slotId: string, booked: Map<string, string>, checkedIn: Set<string>, stop: { dead: boolean }) {
  while (!stop.dead) {
    try {
      const i = next++;
      const r = await post(base, '/api/appointments', { slotId, idNumber: idNumberOf(1000 + i), name: '王小红', phone: `1390000${String(i).padStart(4, '0')}` });
      if (r.status !== 201) continue;
      const { appointment } = (await r.json()) as { appointment: { id: string; code: string } };
      booked.set(appointment.id, appointment.code);
      if (i % 2 === 0) {
        const c = await post(base, '/api/appointments/check-in', { code: appointment.code, delivery: 'screen' });
        if (c.status === 201) checkedIn.add(appointment.id);
      }
    } catch {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

describe('SMS notifications survive SIGKILL', () => {
  it(`every acknowledged booking and check-in gets its texts once, across ${KILLS} kills`, async () => {
    gateway = await startSmsGateway({ seed: 5, faults: { reset: 0.1, stall: 0.05, error: 0.2, ackLost: 0.1 } });
    const start = new Date(Math.min(Date.now() + 10 * 60_000, new Date().setUTCHours(23, 59, 0, 0)));
    const from = start.toISOString().slice(11, 16);
    const slot = [{ from, to: '23:59', capacity: 500 }];
    const slotId = `A-${start.toISOString().slice(0, 10).replaceAll('-', '')}-${from.replace(':', '')}`;
    const configFile = path.join(dir, 'kiosk.json');
    writeFileSync(configFile, JSON.stringify({
      hall: { name: '测试大厅', timezone: 'UTC' },
      devices: {},
      store: { driver: 'sqlite', path: path.join(dir, 'kiosk.db') },
      queue: { categories: [{ id: 'A', name: '社会民生', windows: [1] }] },
      counters: { tokens: [{ counter: 1, sha256: tokenHash('staff-1') }] },
      appointments: {
        categories: [{ categoryId: 'A', week: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, slot])) }],
        perPersonLimit: 5,
        notify: { gateway: { url: gateway.url, secret: gateway.secret, timeoutMs: 400, initialRetryMs: 30, maxRetryMs: 300 }, nearTurnAhead: 3 },
      },
      log: { level: 'error' },
    }));
    const booked = new Map<string, string>();
    const checkedIn = new Set<string>();
    for (let k = 0; k < KILLS; k++) {
      const { proc, base } = await startDaemon(configFile);
      const stop = { dead: false };
      const workers = Array.from({ length: WORKERS }, () => bookAndCheckInUntilDeath(base, slotId, booked, checkedIn, stop));
      const before = booked.size;
      await killOnceBusy(proc, () => booked.size > before, random() * 900);
      stop.dead = true;
      await Promise.all(workers);
    }
    expect(booked.size).toBeGreaterThanOrEqual(KILLS); // each daemon acknowledged one booking before its kill
    const checkedInBeforeKills = checkedIn.size;

    // A last daemon: four more people book and check in, then the window calls every ticket and marks it 过号,
    // one at a time, while the outbox drains.
    const { proc, base } = await startDaemon(configFile);
    const last = { dead: false };
    const more = bookAndCheckInUntilDeath(base, slotId, booked, checkedIn, last);
    while (checkedIn.size < checkedInBeforeKills + 4) await new Promise((r) => setTimeout(r, 20));
    last.dead = true;
    await more;
    for (;;) {
      const call = await post(base, '/api/counters/1/call-next', undefined, { authorization: 'Bearer staff-1' });
      if (call.status === 404) break;
      expect(call.status).toBe(200);
      await post(base, '/api/counters/1/no-show', undefined, { authorization: 'Bearer staff-1' });
      await new Promise((r) => setTimeout(r, 150));
    }
    const has = (id: string, kind: string) => (gateway!.messages.get(`${id}:${kind}`)?.accepted ?? 0) > 0;
    const missing = () => [
      ...[...booked.keys()].filter((id) => !has(id, 'confirmed')).map((id) => `${id}:confirmed`),
      ...[...checkedIn].flatMap((id) => ['near', 'missed'].filter((k) => !has(id, k)).map((k) => `${id}:${k}`)),
    ];
    const end = Date.now() + 40_000;
    while (missing().length > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(missing()).toEqual([]);
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    child = undefined;

    for (const m of gateway.messages.values()) expect(m.sameBody, m.key).toBe(true);
    expect(gateway.stats.badSignature).toBe(0);
    const db = new SqliteDb(path.join(dir, 'kiosk.db'));
    try {
      expect(await db.integrityCheck()).toEqual([]);
      const [slotRow] = await db.query<{ booked: number }>('SELECT booked FROM appointment_slots WHERE id = $1', [slotId]);
      const [n] = await db.query<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointments WHERE state <> 'cancelled'");
      expect(Number(slotRow!.booked)).toBe(Number(n!.n)); // a place and its booking were written together
    } finally {
      await db.close();
    }
    console.info(`sms crash test: ${booked.size} bookings, ${checkedIn.size} check-ins, ${gateway.messages.size} keys, ${gateway.stats.requests} requests`);
  }, 400_000);
});
