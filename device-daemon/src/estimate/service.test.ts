import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteDb } from '../store/sqlite';
import { queueMigrations } from '../queue/migrations';
import type { KioskConfig } from '../config/schema';
import { EstimateService, DEFAULT_OPTIONS } from './service';

let dir: string;
let db: SqliteDb;
const clock = { now: () => new Date('2026-12-01T02:00:00Z') }; // 10:00 in Shanghai
// The queue section with every default filled in, as the daemon parses it.
const queue: KioskConfig['queue'] = {
  priorityAge: 65,
  priorityRatio: 2,
  categories: [
    { id: 'A', name: '社会民生', windows: [1, 2], priority: false, hours: [], dailyMax: 999, realName: 'off' as const, warnWaiting: 30 },
    { id: 'B', name: '注册登记', windows: [3], priority: false, hours: [], dailyMax: 999, realName: 'off' as const, warnWaiting: 30 },
  ],
};

let seq = 0;
async function ticket(category: string, date: string, state: string, issued: string, called?: string, done?: string) {
  seq += 1;
  await db.execute(
    `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, recalls, issued_at, called_at, serving_at, done_at)
     VALUES ($1, $2, $3, $4, $5, $6, 0, 'screen', 0, 0, $7, $8, $8, $9)`,
    [`t${seq}`, `${category}${String(seq).padStart(3, '0')}`, category, date, seq, state, issued, called ?? null, done ?? null],
  );
  return { id: `t${seq}`, category_id: category, priority: 0, issued_at: issued, number: `${category}${String(seq).padStart(3, '0')}`, service_date: date };
}

/** Yesterday: `n` served A tickets of 10 minutes each (and B of 4), so the model has a history. */
async function history(n: number) {
  for (let i = 0; i < n; i++) {
    const at = Date.parse('2026-11-30T01:00:00Z') + i * 600_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await ticket('A', '2026-11-30', 'done', iso(at), iso(at + 60_000), iso(at + 660_000));
    await ticket('B', '2026-11-30', 'done', iso(at), iso(at + 60_000), iso(at + 300_000));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'estimate-'));
  db = new SqliteDb(path.join(dir, 'k.db'));
  await db.migrate('queue', queueMigrations);
  // The counters' table as counters/migrations.ts makes it (a feature's migrations are its own).
  await db.execute(`CREATE TABLE counters (counter INTEGER PRIMARY KEY, state TEXT NOT NULL, ticket_id TEXT, normal_streak INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL)`);
  seq = 0;
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const service = (options = DEFAULT_OPTIONS) => new EstimateService({ db, queue, timeZone: 'Asia/Shanghai', clock }, options);

describe('EstimateService', () => {
  it('has no estimate without history, so the queue keeps its naive one', async () => {
    await ticket('A', '2026-12-01', 'issued', '2026-12-01T01:50:00Z');
    expect(await service().forCategory('A')).toBeNull();
  });

  it('gives a range from the served history that grows with the queue ahead', async () => {
    await history(20);
    const s = service();
    const empty = await s.forCategory('A');
    expect(empty).toMatchObject({ lowMinutes: 0 });
    for (let i = 0; i < 10; i++) await ticket('A', '2026-12-01', 'issued', `2026-12-01T01:${String(10 + i).padStart(2, '0')}:00Z`);
    s.changed();
    const ten = (await s.forCategory('A'))!;
    // Ten ahead, two windows, 11-minute windows' turns (call to done): about 55 minutes.
    expect(ten.medianMinutes).toBeGreaterThanOrEqual(45);
    expect(ten.medianMinutes).toBeLessThanOrEqual(65);
    expect(ten.lowMinutes).toBeLessThanOrEqual(ten.medianMinutes);
    expect(ten.highMinutes).toBeGreaterThanOrEqual(ten.medianMinutes);
    expect((await s.forCategory('B'))!.highMinutes).toBeLessThanOrEqual(2); // B's queue is empty
  });

  it("a waiting ticket's wait counts only those before it", async () => {
    await history(20);
    const first = await ticket('A', '2026-12-01', 'issued', '2026-12-01T01:10:00Z');
    for (let i = 0; i < 8; i++) await ticket('A', '2026-12-01', 'issued', `2026-12-01T01:${String(20 + i)}:00Z`);
    const last = await ticket('A', '2026-12-01', 'issued', '2026-12-01T01:40:00Z');
    const s = service();
    expect((await s.forTicket(first))!.highMinutes).toBeLessThanOrEqual(2);
    expect((await s.forTicket(last))!.medianMinutes).toBeGreaterThan(30);
  });

  it('keeps an estimate until the queue changes', async () => {
    await history(20);
    const s = service();
    const a = s.forCategory('A');
    expect(s.forCategory('A')).toBe(a);
    s.changed();
    expect(s.forCategory('A')).not.toBe(a);
  });

  it('gives the event loop back while it simulates a long queue', async () => {
    await history(20);
    for (let i = 0; i < 300; i++) await ticket(i % 2 ? 'A' : 'B', '2026-12-01', 'issued', new Date(Date.parse('2026-12-01T01:00:00Z') + i * 1000).toISOString());
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const s = service({ ...DEFAULT_OPTIONS, runs: 200, budgetMs: 10_000, sliceMs: 4 });
    const started = performance.now();
    const e = await s.forCategory('A');
    const took = performance.now() - started;
    clearInterval(timer);
    expect(e!.medianMinutes).toBeGreaterThan(600);
    // The timer ran between slices: roughly once per slice, not once at the end.
    expect(ticks).toBeGreaterThan(Math.min(10, took / 20));
  });

  it('bounds the CPU of one estimate on a very long queue', async () => {
    await history(20);
    for (let i = 0; i < 300; i++) await ticket('A', '2026-12-01', 'issued', new Date(Date.parse('2026-12-01T01:00:00Z') + i * 1000).toISOString());
    const s = service({ ...DEFAULT_OPTIONS, runs: 100_000, budgetMs: 30, minRuns: 20, sliceMs: 5 });
    const started = performance.now();
    expect(await s.forCategory('A')).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
