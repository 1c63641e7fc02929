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
import { DomainError } from '../../device-daemon/src/core/errors';

let pg: TestPostgres;
let dir: string;
const open: Db[] = [];
const now = new Date('2026-11-21T01:00:00Z'); // 09:00 in Shanghai
const raw = { categories: [{ id: 'A', name: '社会民生', dailyMax: 5, windows: [1, 2] }, { id: 'B', name: '注册登记' }] };

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'one-statement-'));
});
afterAll(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function queue(db: Db): Promise<QueueService> {
  open.push(db);
  await db.migrate('queue', queueMigrations);
  return new QueueService(db, parseWith(queueConfig, raw, 'queue'), 'Asia/Shanghai', { now: () => now });
}

/** Finishes `number` with a service of `minutes`, as a counter would. */
async function serve(db: Db, number: string, minutes: number): Promise<void> {
  const start = new Date(now.getTime() + 60_000);
  const done = new Date(start.getTime() + minutes * 60_000);
  await db.execute(`UPDATE tickets SET state = 'done', serving_at = $2, done_at = $3 WHERE number = $1`, [number, start.toISOString(), done.toISOString()]);
}

describe('a walk-in ticket in one PostgreSQL statement', () => {
  it('answers what the transaction path answers on SQLite: number, people ahead, estimate, the daily maximum', async () => {
    const hall = await PostgresDb.connect(pg.url);
    expect(hall.writingWith).toBe(true);
    const engines: [Db, QueueService][] = [[hall, await queue(hall)]];
    const sqlite = new SqliteDb(path.join(dir, 'k.db'));
    engines.push([sqlite, await queue(sqlite)]);
    const seen = [];
    for (const [db, q] of engines) {
      const got: unknown[] = [];
      const take = async (categoryId: string) => {
        const t = await q.issue({ categoryId, delivery: 'screen' });
        got.push({ number: t.number, ahead: t.waitingAhead, estimate: t.estimatedWaitMinutes, state: t.state });
      };
      for (const c of ['A', 'A', 'B', 'A']) await take(c);
      await serve(db, 'A001', 6);
      await serve(db, 'A002', 10);
      await take('A');
      await take('A');
      let code = '';
      await q.issue({ categoryId: 'A', delivery: 'screen' }).catch((err: DomainError) => (code = err.code));
      got.push(code);
      const [counter] = await db.query<{ last_seq: number }>(`SELECT last_seq FROM ticket_counters WHERE category_id = 'A'`);
      got.push(Number(counter!.last_seq));
      seen.push(got);
    }
    expect(seen[0]).toEqual(seen[1]);
    // Two served in 8 minutes on average, two windows: A005 has A003 and A004 before it, 2 x 8 / 2 = 8 minutes.
    expect(seen[0]!.slice(-3)).toEqual([{ number: 'A005', ahead: 2, estimate: 8, state: 'issued' }, 'DAILY_LIMIT_REACHED', 5]);
  });

  it('counts people ahead exactly while three daemons issue at once, with no number twice', async () => {
    const daemons = await Promise.all([0, 1, 2].map(async () => queue(await PostgresDb.connect(pg.url))));
    const tickets = await Promise.all(Array.from({ length: 60 }, (_, i) => daemons[i % 3]!.issue({ categoryId: 'B', delivery: 'screen' })));
    const bySeq = tickets.map((t) => [Number(t.number.slice(1)), t.waitingAhead]).sort((a, b) => a[0]! - b[0]!);
    // Every B ticket is still waiting (the first test's B001 too): each has all earlier numbers before it.
    const first = bySeq[0]![0]!;
    expect(bySeq).toEqual(Array.from({ length: 60 }, (_, i) => [first + i, first + i - 1]));
  });
});
