import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { PostgresDb } from '../../device-daemon/src/store/postgres';
import { SqliteDb } from '../../device-daemon/src/store/sqlite';
import type { Db } from '../../device-daemon/src/store/db';
import { QueueService } from '../../device-daemon/src/queue/service';
import { queueMigrations } from '../../device-daemon/src/queue/migrations';
import { queueConfig } from '../../device-daemon/src/queue/config';
import { parseWith } from '../../device-daemon/src/config/explain';
import type { DomainError } from '../../device-daemon/src/core/errors';
import type { Ticket } from '../../device-daemon/src/queue/types';
import { TOGETHER_CAP } from '../../device-daemon/src/queue/take-together';

let pg: TestPostgres;
let dir: string;
const open: Db[] = [];
const now = new Date('2026-11-21T01:00:00Z'); // 09:00 in Shanghai
const raw = {
  categories: [
    { id: 'A', name: '社会民生', dailyMax: 5, windows: [1, 2] },
    { id: 'B', name: '注册登记' },
    { id: 'C', name: '不动产' },
  ],
};

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'take-together-'));
});
afterAll(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The store on a database of its own, with the statements it sends counted (one each, whatever the batch). */
async function hall(database: string): Promise<{ db: PostgresDb; q: QueueService; statements: () => number }> {
  const admin = await PostgresDb.connect(pg.url);
  await admin.execute(`CREATE DATABASE ${database}`);
  await admin.close();
  const url = pg.url.replace(/\/[^/]*$/, `/${database}`);
  const db = await PostgresDb.connect(url);
  let sent = 0;
  const prepared = db.prepared.bind(db);
  db.prepared = (...args: Parameters<typeof prepared>) => ((sent += 1), prepared(...args));
  return { db, q: await queue(db), statements: () => sent };
}

async function queue(db: Db): Promise<QueueService> {
  open.push(db);
  await db.migrate('queue', queueMigrations);
  return new QueueService(db, parseWith(queueConfig, raw, 'queue'), 'Asia/Shanghai', { now: () => now });
}

/** Asks for all at once (one turn of the event loop); each answer as the screen sees it, or the refusal's code. */
async function atOnce(q: QueueService, categories: string[]): Promise<unknown[]> {
  const answers = await Promise.allSettled(categories.map((categoryId) => q.issue({ categoryId, delivery: 'screen' })));
  return answers.map((a) =>
    a.status === 'fulfilled'
      ? { number: a.value.number, ahead: a.value.waitingAhead, estimate: a.value.estimatedWaitMinutes }
      : (a.reason as DomainError).code,
  );
}

async function counters(db: Db): Promise<unknown[]> {
  return db.query(`SELECT category_id, last_seq, (SELECT CAST(COUNT(*) AS INTEGER) FROM tickets t WHERE t.category_id = c.category_id) AS tickets
    FROM ticket_counters c ORDER BY category_id`);
}

describe('walk-in tickets asked for at once share one PostgreSQL statement', () => {
  it('answers each as the SQLite transaction path does: numbers in the order asked, people ahead, estimates, the daily maximum', async () => {
    const { db, q, statements } = await hall('together_parity');
    const sqlite = new SqliteDb(path.join(dir, 'k.db'));
    const engines: [Db, QueueService][] = [[db, q], [sqlite, await queue(sqlite)]];
    const seen: unknown[][] = [];
    for (const [store, service] of engines) {
      const got = [await atOnce(service, ['A', 'A', 'B', 'A', 'C', 'B'])];
      const start = new Date(now.getTime() + 60_000).toISOString();
      const done = new Date(now.getTime() + 7 * 60_000).toISOString();
      await store.execute(`UPDATE tickets SET state = 'done', serving_at = $1, done_at = $2 WHERE number = 'A001'`, [start, done]);
      // A is at 3 of 5: two of these four fit, in the order asked; the other two are refused and use no number.
      got.push(await atOnce(service, ['B', 'A', 'A', 'C', 'A', 'A']));
      got.push(await counters(store));
      seen.push(got);
    }
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0]![0]).toEqual([
      { number: 'A001', ahead: 0, estimate: null },
      { number: 'A002', ahead: 1, estimate: null },
      { number: 'B001', ahead: 0, estimate: null },
      { number: 'A003', ahead: 2, estimate: null },
      { number: 'C001', ahead: 0, estimate: null },
      { number: 'B002', ahead: 1, estimate: null },
    ]);
    // A001 served in 6 minutes, two windows: A004 has A002 and A003 before it, 2 x 6 / 2 = 6 minutes.
    expect(seen[0]![1]).toEqual([
      { number: 'B003', ahead: 2, estimate: null },
      { number: 'A004', ahead: 2, estimate: 6 },
      { number: 'A005', ahead: 3, estimate: 9 },
      { number: 'C002', ahead: 1, estimate: null },
      'DAILY_LIMIT_REACHED',
      'DAILY_LIMIT_REACHED',
    ]);
    expect(seen[0]![2]).toEqual([
      { category_id: 'A', last_seq: 5, tickets: 5 },
      { category_id: 'B', last_seq: 3, tickets: 3 },
      { category_id: 'C', last_seq: 2, tickets: 2 },
    ]);
    // Six at once: one statement; the second six: one for B and C, then A's four (their batch would cross the
    // maximum) one by one: six in all for twelve tickets asked.
    expect(statements()).toBe(6);
  });

  it('gives three daemons asking for three categories at once every number once, no gap, each ticket its people ahead', async () => {
    const first = await hall('together_daemons');
    const url = pg.url.replace(/\/[^/]*$/, '/together_daemons');
    const daemons = [first, { q: await queue(await PostgresDb.connect(url)) }, { q: await queue(await PostgresDb.connect(url)) }];
    // Each daemon asks in its own order of categories, so batches lock counter rows in different orders of asking.
    const orders = [['B', 'C'], ['C', 'B'], ['B', 'B', 'C']];
    const tickets: Ticket[] = (
      await Promise.all(
        Array.from({ length: 3 }, (_, round) =>
          Promise.all(daemons.map(({ q }, d) => Promise.all(Array.from({ length: 20 }, (__, i) => q.issue({ categoryId: orders[d]![(i + round) % orders[d]!.length]!, delivery: 'screen' }))))),
        ),
      )
    ).flat(2);
    expect(tickets).toHaveLength(180);
    for (const c of ['B', 'C']) {
      const bySeq = tickets.filter((t) => t.categoryId === c).map((t) => [Number(t.number.slice(1)), t.waitingAhead]).sort((a, b) => a[0]! - b[0]!);
      // All still waiting: each has every earlier number before it, the ones committed during its wait included.
      expect(bySeq).toEqual(bySeq.map((_, i) => [i + 1, i]));
    }
    expect(first.statements()).toBeLessThan(60);
  });

  it('sends a burst larger than a statement holds as several, one after another', async () => {
    const { q, statements } = await hall('together_cap');
    const tickets = await Promise.all(Array.from({ length: TOGETHER_CAP + 6 }, () => q.issue({ categoryId: 'C', delivery: 'screen' })));
    expect(tickets.map((t) => [t.number, t.waitingAhead])).toEqual(tickets.map((_, i) => [`C${String(i + 1).padStart(3, '0')}`, i]));
    expect(statements()).toBe(2);
  });

  it('rejects every caller of a failed statement and uses no number', async () => {
    const { db, q } = await hall('together_failure');
    await atOnce(q, ['B']);
    // A delivery the table's CHECK refuses fails the whole statement: its neighbours in the batch fail with it.
    const asked = ['B', 'C', 'B'].map((categoryId, i) => q.issue({ categoryId, delivery: i === 1 ? ('fax' as 'screen') : 'screen' }));
    const answers = await Promise.allSettled(asked);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await counters(db)).toEqual([{ category_id: 'B', last_seq: 1, tickets: 1 }]);
    expect((await q.issue({ categoryId: 'B', delivery: 'screen' })).number).toBe('B002');
  });

  it('answers STORE_UNAVAILABLE to every caller while PostgreSQL is away, and issues again once it is back', async () => {
    const { q } = await hall('together_outage');
    await atOnce(q, ['B']);
    await pg.down();
    try {
      expect(await atOnce(q, ['B', 'C', 'B'])).toEqual(['STORE_UNAVAILABLE', 'STORE_UNAVAILABLE', 'STORE_UNAVAILABLE']);
    } finally {
      await pg.up();
    }
    expect(await atOnce(q, ['B', 'C'])).toEqual([{ number: 'B002', ahead: 1, estimate: null }, { number: 'C001', ahead: 0, estimate: null }]);
  });
});
