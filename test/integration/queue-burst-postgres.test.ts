import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { PostgresDb } from '../../device-daemon/src/store/postgres';
import { QueueService } from '../../device-daemon/src/queue/service';
import { queueMigrations } from '../../device-daemon/src/queue/migrations';
import { queueConfig } from '../../device-daemon/src/queue/config';
import { parseWith } from '../../device-daemon/src/config/explain';

/**
 * The people ahead of a burst read once (queue/burst-view.ts) on PostgreSQL: the transaction path (a ticket with
 * a record of its own, as a staff-issued 绿色通道 ticket has) runs the same statement as on SQLite.
 */
let pg: TestPostgres;
let db: PostgresDb;

beforeAll(async () => {
  pg = await startPostgres();
  db = await PostgresDb.connect(pg.url);
  await db.migrate('queue', queueMigrations);
}, 60_000);
afterAll(async () => {
  await db?.close();
  await pg?.stop();
});

describe('people ahead of a burst on PostgreSQL', () => {
  it('counts each ticket of a burst exactly, and a call between bursts', async () => {
    const q = new QueueService(db, parseWith(queueConfig, {}, 'queue'), 'Asia/Shanghai', { now: () => new Date('2026-11-21T01:00:00Z') });
    const record = async () => undefined;
    const take = () => q.issue({ categoryId: 'A', delivery: 'screen', record });
    // Each transaction has a connection of its own here: the numbers come in the order the commits happen.
    const byNumber = (ts: { number: string; waitingAhead: number }[]) => ts.map((t) => [t.number, t.waitingAhead]).sort();
    const first = await Promise.all([take(), take(), take()]);
    expect(byNumber(first)).toEqual([['A001', 0], ['A002', 1], ['A003', 2]]);
    await db.execute(`UPDATE tickets SET state = 'called' WHERE number = 'A001'`);
    const next = await Promise.all([take(), take()]);
    expect(byNumber(next)).toEqual([['A004', 2], ['A005', 3]]);
    for (const t of next) expect((await q.get(t.id)).waitingAhead).toBe(t.waitingAhead);
  });
});
