import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { withCheck } from '../../device-daemon/src/devices/idcard/codec/id-number';
import { benchConfig } from './config';
import { startPostgres } from '../support/postgres';
import type { BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const SLOTS = 40;
const CAPACITY = 8;
const IN_FLIGHT = 16;

/** Tomorrow's 40 quarter-hour slots from 08:00 (hall time UTC), 8 places each, every day of the week. */
const slotTimes = Array.from({ length: SLOTS }, (_v, i) => {
  const m = 8 * 60 + i * 15;
  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return { from: hhmm(m), to: hhmm(m + 15), capacity: CAPACITY };
});
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const slotIds = slotTimes.map((s) => `A-${tomorrow.replaceAll('-', '')}-${s.from.replace(':', '')}`);

async function hallApp(store: Record<string, unknown>, dataDir: string): Promise<FastifyInstance> {
  const week = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, slotTimes]));
  const config = await benchConfig({
    hall: { name: '基准大厅', timezone: 'UTC' }, devices: {}, store, log: { level: 'silent' },
    queue: { categories: [{ id: 'A', name: '社会民生' }] },
    appointments: { categories: [{ categoryId: 'A', week }] },
  }, dataDir);
  return buildApp({ config }, { logger: false });
}

/** `total` bookings spread over the slots, `IN_FLIGHT` at a time, each by a different person. */
async function bookingLoad(app: FastifyInstance, total: number, offset: number) {
  let next = 0;
  let ok = 0;
  let full = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const n = offset + i;
      const idNumber = withCheck(`110105${1950 + Math.floor(n / 1000) % 50}0101${String(n % 1000).padStart(3, '0')}`);
      const res = await app.inject({ method: 'POST', url: '/api/appointments', payload: { slotId: slotIds[i % (quick ? 10 : SLOTS)], idNumber, name: '王芳', phone: '13800138000' } });
      if (res.statusCode === 201) ok += 1;
      else if (res.json().error?.code === 'SLOT_FULL') full += 1;
      else throw new Error(`book: ${res.statusCode} ${res.body}`);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rows = await app.store.query<{ booked: number; capacity: number }>('SELECT booked, capacity FROM appointment_slots');
  const oversold = rows.filter((r) => Number(r.booked) > Number(r.capacity)).length;
  const places = rows.reduce((s, r) => s + Number(r.booked), 0);
  if (places !== ok) throw new Error(`places taken ${places} but ${ok} bookings acknowledged`);
  return { perSecond: total / seconds, ok, full, oversold };
}

/**
 * Bookings per second through the whole API with 16 in flight, more attempts than places (the last places of
 * every slot are contested), on the embedded store (SQLite) and the hall-wide one (PostgreSQL 15, fsync on):
 * no slot may hold more than its capacity, and every place taken is an acknowledged booking.
 */
export async function bench(): Promise<BenchRow[]> {
  const total = quick ? 200 : SLOTS * CAPACITY + 80;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-appointments-'));
  const pg = await startPostgres({ durable: true, database: 'kiosk_bench_appt' });
  const sqlite = await hallApp({ driver: 'sqlite', path: path.join(dir, 'kiosk.db') }, dir);
  const postgres = await hallApp({ driver: 'postgres', url: pg.url }, dir);
  try {
    await sqlite.ready();
    await postgres.ready();
    const s = await bookingLoad(sqlite, total, 0);
    const p = await bookingLoad(postgres, total, 0);
    const row = (metric: string, value: string, ratio?: string): BenchRow => ({ area: 'appointments', metric, value, ...(ratio ? { ratio } : {}) });
    return [
      row(`bookings/s, ${IN_FLIGHT} in flight, SQLite`, `${s.perSecond.toFixed(0)} /s`, `${s.ok} booked, ${s.full} full, ${s.oversold} oversold`),
      row(`bookings/s, ${IN_FLIGHT} in flight, PostgreSQL`, `${p.perSecond.toFixed(0)} /s`, `${p.ok} booked, ${p.full} full, ${p.oversold} oversold`),
      row('PostgreSQL against SQLite (bookings/s)', `${(p.perSecond / s.perSecond).toFixed(2)}×`),
    ];
  } finally {
    await sqlite.close();
    await postgres.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
