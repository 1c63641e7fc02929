import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteDb } from '../store/sqlite';
import { QueueService } from './service';
import { queueMigrations } from './migrations';
import { queueConfig } from './config';
import { parseWith } from '../config/explain';
import { DomainError } from '../core/errors';

let dir: string;
let db: SqliteDb;
let now: Date;
const clock = { now: () => now };

function service(raw: unknown = {}) {
  return new QueueService(db, parseWith(queueConfig, raw, 'queue'), 'Asia/Shanghai', clock);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).code;
  }
  throw new Error('expected a DomainError');
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'queue-'));
  db = new SqliteDb(path.join(dir, 'k.db'));
  await db.migrate('queue', queueMigrations);
  now = new Date('2026-11-21T01:00:00Z'); // 09:00 in Shanghai
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('QueueService', () => {
  it('numbers each category in its own series and counts people ahead', async () => {
    const q = service();
    const a1 = await q.issue({ categoryId: 'A', delivery: 'print' });
    const a2 = await q.issue({ categoryId: 'A', delivery: 'print' });
    const b1 = await q.issue({ categoryId: 'B', delivery: 'screen' });
    expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001']);
    expect(a1.waitingAhead).toBe(0);
    expect(a2.waitingAhead).toBe(1);
    expect(b1.waitingAhead).toBe(0);
    expect(a1.serviceDate).toBe('2026-11-21');
    const cats = await q.listCategories();
    expect(cats.find((c) => c.id === 'A')).toMatchObject({ waiting: 2, remainingToday: 997, estimatedWaitMinutes: null });
  });

  it('restarts numbers at local midnight in the hall time zone, not UTC midnight', async () => {
    const q = service();
    now = new Date('2026-11-21T15:59:00Z'); // 23:59 Shanghai
    expect((await q.issue({ categoryId: 'A', delivery: 'print' })).number).toBe('A001');
    now = new Date('2026-11-21T15:59:30Z');
    expect((await q.issue({ categoryId: 'A', delivery: 'print' })).number).toBe('A002');
    now = new Date('2026-11-21T16:00:01Z'); // 00:00:01 next day in Shanghai, still 21 Nov in UTC
    const t = await q.issue({ categoryId: 'A', delivery: 'print' });
    expect(t.number).toBe('A001');
    expect(t.serviceDate).toBe('2026-11-22');
  });

  it('refuses past the daily maximum without using a number or writing a ticket', async () => {
    const q = service({ categories: [{ id: 'A', name: '社会民生', dailyMax: 2 }] });
    await q.issue({ categoryId: 'A', delivery: 'print' });
    await q.issue({ categoryId: 'A', delivery: 'print' });
    expect(await codeOf(q.issue({ categoryId: 'A', delivery: 'print' }))).toBe('DAILY_LIMIT_REACHED');
    const [row] = await db.query<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM tickets');
    expect(row!.n).toBe(2);
    const [counter] = await db.query<{ last_seq: number }>('SELECT last_seq FROM ticket_counters');
    expect(counter!.last_seq).toBe(2);
  });

  it('refuses outside issuing hours', async () => {
    const q = service({ categories: [{ id: 'A', name: '社会民生', hours: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }] }] });
    now = new Date('2026-11-21T05:00:00Z'); // 13:00 Shanghai
    expect(await codeOf(q.issue({ categoryId: 'A', delivery: 'print' }))).toBe('OUTSIDE_ISSUING_HOURS');
    now = new Date('2026-11-21T06:30:00Z'); // 14:30
    expect((await q.issue({ categoryId: 'A', delivery: 'print' })).number).toBe('A001');
  });

  it('allows one open ticket per person per category per day', async () => {
    const q = service();
    const t = await q.issue({ categoryId: 'A', delivery: 'print', personHash: 'h1' });
    expect(await codeOf(q.issue({ categoryId: 'A', delivery: 'print', personHash: 'h1' }))).toBe('PERSON_LIMIT_REACHED');
    expect((await q.issue({ categoryId: 'B', delivery: 'print', personHash: 'h1' })).number).toBe('B001');
    expect((await q.issue({ categoryId: 'A', delivery: 'print', personHash: 'h2' })).number).toBe('A002');
    await db.execute(`UPDATE tickets SET state = 'done' WHERE id = $1`, [t.id]);
    expect((await q.issue({ categoryId: 'A', delivery: 'print', personHash: 'h1' })).number).toBe('A003');
  });

  it('estimates the wait from today\'s service times once known', async () => {
    const q = service({ categories: [{ id: 'A', name: '社会民生', windows: [1, 2] }] });
    const done = await q.issue({ categoryId: 'A', delivery: 'print' });
    await db.execute(`UPDATE tickets SET state = 'done', serving_at = $1, done_at = $2 WHERE id = $3`, [
      '2026-11-21T01:00:00.000Z', '2026-11-21T01:10:00.000Z', done.id,
    ]);
    for (let i = 0; i < 4; i++) await q.issue({ categoryId: 'A', delivery: 'print' });
    const t = await q.issue({ categoryId: 'A', delivery: 'print' });
    expect(t.waitingAhead).toBe(4);
    expect(t.estimatedWaitMinutes).toBe(20); // 4 people x 10 min / 2 windows
  });

  it('lists each category\'s estimate from its own last 20 service times', async () => {
    const q = service({ categories: [{ id: 'A', name: '社会民生', windows: [1] }, { id: 'B', name: '户政', windows: [1, 2] }] });
    const finish = async (categoryId: string, minutes: number, doneAt: string) => {
      const t = await q.issue({ categoryId, delivery: 'print' });
      await db.execute(`UPDATE tickets SET state = 'done', serving_at = $1, done_at = $2 WHERE id = $3`, [
        new Date(Date.parse(doneAt) - minutes * 60_000).toISOString(), doneAt, t.id,
      ]);
    };
    await finish('A', 100, '2026-11-21T00:10:00.000Z'); // older than the last 20: left out of the mean
    for (let i = 0; i < 20; i++) await finish('A', 4, `2026-11-21T00:${String(20 + i).padStart(2, '0')}:00.000Z`);
    await finish('B', 10, '2026-11-21T00:30:00.000Z');
    for (let i = 0; i < 3; i++) await q.issue({ categoryId: 'A', delivery: 'print' });
    for (let i = 0; i < 3; i++) await q.issue({ categoryId: 'B', delivery: 'print' });
    const cats = await q.listCategories();
    expect(cats.find((c) => c.id === 'A')).toMatchObject({ waiting: 3, estimatedWaitMinutes: 12 }); // 3 x 4 min / 1
    expect(cats.find((c) => c.id === 'B')).toMatchObject({ waiting: 3, estimatedWaitMinutes: 15 }); // 3 x 10 min / 2
  });

  it('finds today\'s ticket by its number, case-insensitively', async () => {
    const q = service();
    const t = await q.issue({ categoryId: 'C', delivery: 'print' });
    expect((await q.findByNumber('c001')).id).toBe(t.id);
    expect(await codeOf(q.findByNumber('C002'))).toBe('TICKET_NOT_FOUND');
    expect(await codeOf(q.issue({ categoryId: 'Z', delivery: 'print' }))).toBe('CATEGORY_NOT_FOUND');
  });

  it('leaves neither a number used nor a half-written ticket when the transaction fails midway', async () => {
    const q = service();
    await q.issue({ categoryId: 'A', delivery: 'print' });
    await db.execute('CREATE TRIGGER fail_insert BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, \'disk full\'); END');
    await expect(q.issue({ categoryId: 'A', delivery: 'print' })).rejects.toThrow(/disk full/);
    await db.execute('DROP TRIGGER fail_insert');
    expect((await q.issue({ categoryId: 'A', delivery: 'print' })).number).toBe('A002');
  });

  it('commits the caller\'s record with the ticket: a record that fails leaves no ticket and no number used', async () => {
    const q = service();
    await db.execute('CREATE TABLE grants (ticket_id TEXT PRIMARY KEY, reason TEXT NOT NULL)');
    const record = (reason: string | null) => (tx: Parameters<NonNullable<Parameters<typeof q.issue>[0]['record']>>[0], t: { id: string }) =>
      tx.execute('INSERT INTO grants (ticket_id, reason) VALUES ($1, $2)', [t.id, reason]).then(() => undefined);
    const granted = await q.issue({ categoryId: 'A', delivery: 'print', priority: true, record: record('行动不便') });
    expect(granted.number).toBe('A001');
    expect(await db.query('SELECT reason FROM grants WHERE ticket_id = $1', [granted.id])).toEqual([{ reason: '行动不便' }]);
    // The record cannot be written (NOT NULL): the ticket goes with it.
    await expect(q.issue({ categoryId: 'A', delivery: 'print', priority: true, record: record(null) })).rejects.toThrow(/NOT NULL/);
    expect(await db.query('SELECT number FROM tickets ORDER BY seq')).toEqual([{ number: 'A001' }]);
    expect((await q.issue({ categoryId: 'A', delivery: 'print' })).number).toBe('A002');
  });
});
