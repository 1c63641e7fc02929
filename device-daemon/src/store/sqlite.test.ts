import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteDb, toSqlite } from './sqlite';

describe('SQLite store', () => {
  it('rewrites $n placeholders in order of appearance, repeats included', () => {
    expect(toSqlite('SELECT $2, $1, $2', ['a', 'b'])).toEqual(['SELECT ?, ?, ?', ['b', 'a', 'b']]);
    expect(() => toSqlite('SELECT $3', ['a'])).toThrow(/\$3 has no parameter/);
  });

  it('rolls a failed transaction back completely and applies migrations once', async () => {
    const db = new SqliteDb(':memory:');
    const migration = [{ id: '001', sql: 'CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL);\nCREATE INDEX t_n ON t (n)' }];
    await db.migrate('test', migration);
    await db.migrate('test', migration);
    await db.execute('INSERT INTO t (id, n) VALUES ($1, $2)', ['a', 1]);
    await expect(
      db.tx(async (q) => {
        await q.execute('UPDATE t SET n = 2 WHERE id = $1', ['a']);
        await q.execute('INSERT INTO t (id, n) VALUES ($1, $2)', ['a', 3]); // duplicate key
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.query('SELECT id, n FROM t')).toEqual([{ id: 'a', n: 1 }]);
    const counted = await db.query<{ n: number }>(
      `INSERT INTO t (id, n) VALUES ('a', 1) ON CONFLICT (id) DO UPDATE SET n = t.n + 1 RETURNING n`,
    );
    expect(counted).toEqual([{ n: 2 }]);
    expect(await db.integrityCheck()).toEqual([]);
    await db.close();
  });

  it('commits transactions asked for together in one commit, each rolled back alone when it fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-group-'));
    const db = new SqliteDb(path.join(dir, 'kiosk.db'));
    try {
      await db.execute('CREATE TABLE counters (id TEXT PRIMARY KEY, last INTEGER NOT NULL)');
      await db.execute('CREATE TABLE issued (n INTEGER PRIMARY KEY)');
      const take = (fail = false) =>
        db.tx(async (q) => {
          const [row] = await q.query<{ last: number }>(
            `INSERT INTO counters (id, last) VALUES ('A', 1) ON CONFLICT (id) DO UPDATE SET last = counters.last + 1 RETURNING last`,
          );
          if (fail) throw new Error('over the daily maximum');
          await q.execute('INSERT INTO issued (n) VALUES ($1)', [row!.last]);
          return row!.last;
        });
      // Frames in the write-ahead log: each commit writes the pages it changed once, plus its commit record.
      const walFrames = async () => (await db.query<{ log: number }>('PRAGMA wal_checkpoint(PASSIVE)'))[0]!.log;
      await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
      for (let i = 0; i < 10; i++) await take();
      const apart = await walFrames();
      await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
      const together = await Promise.allSettled([take(), take(), take(true), take(), ...Array.from({ length: 7 }, () => take())]);
      const grouped = await walFrames();
      expect(together.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
        11, 12, 'over the daily maximum', 13, 14, 15, 16, 17, 18, 19, 20,
      ]);
      expect((await db.query<{ n: number }>('SELECT n FROM issued ORDER BY n')).map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(grouped).toBeLessThan(apart / 3);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a relaxed statement without its own sync and goes back to syncing every commit', async () => {
    const db = new SqliteDb(':memory:');
    await db.execute('CREATE TABLE t (id TEXT PRIMARY KEY, printed INTEGER NOT NULL)');
    await db.execute('INSERT INTO t (id, printed) VALUES ($1, 0)', ['a']);
    expect(await db.executeRelaxed('UPDATE t SET printed = 1 WHERE id = $1', ['a'])).toBe(1);
    expect(await db.query('SELECT printed FROM t')).toEqual([{ printed: 1 }]);
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]); // FULL
    await db.close();
  });
});
