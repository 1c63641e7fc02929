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
});
