import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteDb } from '../store/sqlite';
import type { SqlValue } from '../store/db';
import { QueueService } from './service';
import { queueMigrations } from './migrations';
import { queueConfig } from './config';
import { parseWith } from '../config/explain';

let dir: string;
let db: SqliteDb;
/** The statements the store ran, by their first words. */
let reads: string[];
const clock = { now: () => new Date('2026-11-21T01:00:00Z') }; // 09:00 in Shanghai

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'burst-'));
  db = new SqliteDb(path.join(dir, 'k.db'));
  await db.migrate('queue', queueMigrations);
  reads = [];
  const query = db.query.bind(db);
  db.query = <T>(sql: string, params?: readonly SqlValue[]) => {
    reads.push(sql.trim().replace(/\s+/g, ' ').slice(0, 40));
    return query<T>(sql, params);
  };
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const service = () => new QueueService(db, parseWith(queueConfig, {}, 'queue'), 'Asia/Shanghai', clock);
const burstReads = () => reads.filter((s) => s.startsWith('SELECT 0 AS seq')).length;

describe('people ahead of a burst of new tickets', () => {
  it('counts each ticket of a burst exactly, with one reading per category', async () => {
    const q = service();
    const taken = await Promise.all(['A', 'A', 'B', 'A'].map((categoryId) => q.issue({ categoryId, delivery: 'screen' })));
    expect(taken.map((t) => [t.number, t.waitingAhead])).toEqual([['A001', 0], ['A002', 1], ['B001', 0], ['A003', 2]]);
    expect(burstReads()).toBe(2);
    // Each figure is what the ticket's own reading says.
    for (const t of taken) expect((await q.get(t.id)).waitingAhead).toBe(t.waitingAhead);
  });

  it('reads again for the next burst: a ticket called in between is no longer ahead', async () => {
    const q = service();
    await Promise.all([1, 2, 3].map(() => q.issue({ categoryId: 'A', delivery: 'screen' })));
    await db.execute(`UPDATE tickets SET state = 'called' WHERE number = 'A002'`);
    const next = await Promise.all([1, 2].map(() => q.issue({ categoryId: 'A', delivery: 'screen' })));
    // A001 and A003 still wait (A002 was called): 2 ahead of A004, 3 ahead of A005.
    expect(next.map((t) => [t.number, t.waitingAhead])).toEqual([['A004', 2], ['A005', 3]]);
    expect(burstReads()).toBe(2);
  });

  it('counts a number of the burst called before the reading as not waiting', async () => {
    const q = service();
    await q.issue({ categoryId: 'A', delivery: 'screen' });
    // A call asked in the same turn as two new tickets joins their group commit, after them: the burst's reading
    // comes after the commit, so A002, in the burst's own range, is read as called.
    const taking = [1, 2].map(() => q.issue({ categoryId: 'A', delivery: 'screen' }));
    const call = db.tx((tx) => tx.execute(`UPDATE tickets SET state = 'called' WHERE number = 'A002'`));
    const [a2, a3] = await Promise.all(taking);
    expect(await call).toBe(1);
    expect([a2!.number, a3!.number]).toEqual(['A002', 'A003']);
    // A001 alone waits ahead of A003.
    expect(a3!.waitingAhead).toBe(1);
    expect((await q.get(a3!.id)).waitingAhead).toBe(1);
  });
});
