import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteDb } from '../store/sqlite';
import { queueMigrations } from '../queue/migrations';
import type { KioskConfig } from '../config/schema';
import { EstimateService, DEFAULT_OPTIONS } from './service';
import { categoryOfLane, hallRules, laneOf, queueAhead, readHall, readServed } from './hall-now';
import { historyFrom } from './history';
import { estimateWait, seededRandom } from './simulate';

/**
 * The lane's shared runs against the simulation of each ticket on its own (the model as it was: the queue ahead
 * of that ticket, read fresh, 400 runs): same hall, position by position. Service times vary (8–12 minutes for
 * A, 3–5 for B), so two estimates differ by the model's noise: about half a minute at the twentieth place
 * with 200 runs. TOLERANCE is 2 minutes; a place off by one moves a median by about 5 (two windows, 10 minutes).
 */
const TOLERANCE = 2;
const DAY = '2026-12-01';
let nowMs = Date.parse('2026-12-01T02:00:00Z'); // 10:00 in Shanghai
const clock = { now: () => new Date(nowMs) };
const category = (id: string, windows: number[]) => ({ id, name: id, windows, priority: false, hours: [], dailyMax: 999, realName: 'off' as const, warnWaiting: 30 });
const apart: KioskConfig['queue'] = { priorityAge: 65, priorityRatio: 2, categories: [category('A', [1, 2]), category('B', [3])] };
/** B's window 2 is also one of A's: a B ticket is ahead of a later A one. */
const sharing: KioskConfig['queue'] = { ...apart, categories: [category('A', [1, 2]), category('B', [2, 3])] };

let dir: string;
let db: SqliteDb;
let seq = 0;
let minute = 0;

type Row = { id: string; category_id: string; priority: number; issued_at: string; number: string; service_date: string };
async function insert(categoryId: string, state: string, date: string, issued: string, priority = 0, called?: string, done?: string): Promise<Row> {
  seq += 1;
  const row = { id: `t${seq}`, category_id: categoryId, priority, issued_at: issued, number: `${categoryId}${String(seq).padStart(3, '0')}`, service_date: date };
  await db.execute(
    `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, recalls, issued_at, called_at, serving_at, done_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'screen', 0, 0, $8, $9, $9, $10)`,
    [row.id, row.number, categoryId, date, seq, state, priority, issued, called ?? null, done ?? null],
  );
  return row;
}
/** A waiting ticket of today, one minute after the previous one. */
const waiting = (categoryId: string, priority = 0) => insert(categoryId, 'issued', DAY, new Date(Date.parse('2026-12-01T01:00:00Z') + 1000 * minute++).toISOString(), priority);

/** Yesterday: 30 served A (8–12 minutes) and 30 served B (3–5 minutes). */
async function history() {
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < 30; i++) {
    const at = Date.parse('2026-11-30T01:00:00Z') + i * 600_000;
    await insert('A', 'done', '2026-11-30', iso(at), 0, iso(at + 60_000), iso(at + 60_000 + (8 + (i % 5)) * 60_000));
    await insert('B', 'done', '2026-11-30', iso(at), 0, iso(at + 60_000), iso(at + 60_000 + (3 + (i % 3)) * 60_000));
  }
}

/** The ticket's own simulation, the queue ahead of it read now: what each ticket got before the runs were shared. */
async function alone(queue: KioskConfig['queue'], t: Row) {
  const hall = await readHall(db, DAY, nowMs);
  const { records, days } = await readServed(db, '2026-11-04', DAY, 'Asia/Shanghai');
  const rules = hallRules(queue, hall.paused);
  const lane = laneOf(t.category_id, t.priority);
  const ahead = queueAhead(hall, { id: t.id, lane, issuedAt: t.issued_at, number: t.number }, rules.priority);
  return estimateWait(rules, ahead, historyFrom(records, days, () => 10, categoryOfLane), lane, seededRandom(seq), 400)!.medianMinutes;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'estimate-shared-'));
  db = new SqliteDb(path.join(dir, 'k.db'));
  await db.migrate('queue', queueMigrations);
  await db.execute(`CREATE TABLE counters (counter INTEGER PRIMARY KEY, state TEXT NOT NULL, ticket_id TEXT, normal_streak INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL)`);
  [seq, minute, nowMs] = [0, 0, Date.parse('2026-12-01T02:00:00Z')];
  await history();
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** All 200 runs whatever the machine's load (the budget would cut a slow machine's to 40, and the noise with them). */
const service = (queue = apart) => new EstimateService({ db, queue, timeZone: 'Asia/Shanghai', clock }, { ...DEFAULT_OPTIONS, budgetMs: 60_000 });
/** As the daemon asks: the new ticket's own answer first, then its `queue.ticket.issued` event. */
async function issue(s: EstimateService, categoryId: string, priority = 0) {
  const t = await waiting(categoryId, priority);
  const median = (await s.forTicket(t))!.medianMinutes;
  s.issued({ id: t.id, categoryId });
  return { t, median };
}

describe('a lane\'s shared runs', () => {
  it('give every waiting ticket, normal and priority, the range of its own simulation', async () => {
    const tickets: Row[] = [];
    for (let i = 0; i < 16; i++) tickets.push(await waiting(i % 5 === 4 ? 'B' : 'A', i === 6 || i === 11 ? 1 : 0));
    const s = service();
    const shared: number[] = [];
    const own: number[] = [];
    for (const t of tickets) {
      shared.push((await s.forTicket(t))!.medianMinutes);
      own.push(await alone(apart, t));
    }
    shared.forEach((m, i) => expect(Math.abs(m - own[i]!), `ticket ${i + 1}: shared ${m}, alone ${own[i]}`).toBeLessThanOrEqual(TOLERANCE));
    // The test can tell: read one place off (the next ticket's own answer), several positions would fail.
    expect(shared.slice(0, -1).filter((m, i) => Math.abs(m - own[i + 1]!) > TOLERANCE).length).toBeGreaterThan(3);
    // A priority ticket is read from its own lane: ahead of A tickets issued before it.
    expect(shared[6]).toBeLessThan(shared[5]!);
    expect(s.simulations).toBeLessThanOrEqual(3); // A, A*, B
  });

  it('answer a burst of new tickets from one or two simulations, each as its own would', async () => {
    for (let i = 0; i < 5; i++) await waiting('A');
    const s = service();
    expect(await s.forCategory('A')).not.toBeNull();
    for (let i = 0; i < 40; i++) {
      const { t, median } = await issue(s, 'A');
      expect(Math.abs(median - (await alone(apart, t))), `new ticket ${i + 1}`).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(s.simulations).toBe(2); // 32 new tickets in the first runs, the rest in the second
  });

  it('place tickets asked for at once (many kiosks, one daemon) in the order they were issued', async () => {
    for (let i = 0; i < 5; i++) await waiting('A');
    const s = service();
    const burst: Row[] = [];
    for (let i = 0; i < 12; i++) burst.push(await waiting('A'));
    const answers = await Promise.all(burst.map((t) => s.forTicket(t)));
    for (const [i, t] of burst.entries()) expect(Math.abs(answers[i]!.medianMinutes - (await alone(apart, t))), `ticket ${i + 1}`).toBeLessThanOrEqual(TOLERANCE);
    expect(s.simulations).toBe(1);
  });

  it('make the runs again when a ticket of a lane sharing a window comes between, not for a lane apart', async () => {
    for (let i = 0; i < 6; i++) await waiting('A');
    const apartService = service(apart);
    for (let i = 0; i < 12; i++) await issue(apartService, i % 2 ? 'B' : 'A');
    expect(apartService.simulations).toBe(2); // A's runs and B's

    const s = service(sharing);
    for (let i = 0; i < 12; i++) {
      const { t, median } = await issue(s, i % 2 ? 'B' : 'A');
      expect(Math.abs(median - (await alone(sharing, t))), `new ticket ${i + 1} (${t.category_id})`).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(s.simulations).toBeGreaterThanOrEqual(11);
    // A priority ticket (绿色通道) of A is ahead of every later A ticket: A's runs are made again with it.
    const before = s.simulations;
    await issue(s, 'A', 1);
    const { t, median } = await issue(s, 'A');
    expect(s.simulations).toBeGreaterThan(before + 1);
    expect(Math.abs(median - (await alone(sharing, t)))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('read the hall again after a call (changed) or after maxAgeMs, not after a new ticket', async () => {
    const tickets: Row[] = [];
    for (let i = 0; i < 10; i++) tickets.push(await waiting('A'));
    const s = service();
    const last = tickets[9]!;
    const first = (await s.forTicket(last))!.medianMinutes;
    await issue(s, 'A');
    expect((await s.forTicket(last))!.medianMinutes).toBe(first);
    // The first two are called (windows 1 and 2 now busy with them): the tenth is two places nearer.
    await db.execute(`UPDATE tickets SET state = 'called', called_at = $1 WHERE id IN ('${tickets[0]!.id}', '${tickets[1]!.id}')`, [clock.now().toISOString()]);
    await db.execute(`INSERT INTO counters VALUES (1, 'open', '${tickets[0]!.id}', 1, 'x'), (2, 'open', '${tickets[1]!.id}', 1, 'x')`);
    expect((await s.forTicket(last))!.medianMinutes).toBe(first); // not told yet: the runs stand
    s.changed();
    const after = (await s.forTicket(last))!.medianMinutes;
    expect(Math.abs(after - (await alone(apart, last)))).toBeLessThanOrEqual(TOLERANCE);
    expect(after).toBeLessThan(first);
    // Minutes pass with no event: within maxAgeMs the runs stand, after it the hall is read again.
    const runs = s.simulations;
    nowMs += DEFAULT_OPTIONS.maxAgeMs - 1000;
    await s.forTicket(last);
    expect(s.simulations).toBe(runs);
    nowMs += 2000;
    await s.forTicket(last);
    expect(s.simulations).toBe(runs + 1);
  });
});
