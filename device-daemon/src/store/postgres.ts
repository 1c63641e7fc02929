import type { Pool, PoolClient } from 'pg';
import { applyMigrations, type Db, type Migration, type Queryable, type SqlValue } from './db';

/**
 * The hall-wide store: many daemons share one PostgreSQL database. `pg` is loaded only when configured.
 * Integer columns come back as numbers (int4); write aggregates with CAST(... AS INTEGER).
 */
export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly description: string;

  private constructor(private readonly pool: Pool, url: string) {
    const u = new URL(url);
    this.description = `postgres ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }

  static async connect(url: string): Promise<PostgresDb> {
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    pool.on('error', () => undefined); // idle client errors surface on the next query instead
    const db = new PostgresDb(pool, url);
    await db.query('SELECT 1');
    return db;
  }

  private static on(client: Pool | PoolClient): Queryable {
    return {
      query: async <T>(sql: string, params: readonly SqlValue[] = []) =>
        (await client.query(sql, params as SqlValue[])).rows as T[],
      execute: async (sql: string, params: readonly SqlValue[] = []) =>
        (await client.query(sql, params as SqlValue[])).rowCount ?? 0,
    };
  }

  query<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return PostgresDb.on(this.pool).query<T>(sql, params);
  }

  execute(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return PostgresDb.on(this.pool).execute(sql, params);
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(PostgresDb.on(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async migrate(namespace: string, migrations: readonly Migration[]): Promise<void> {
    // Several daemons may start at once: one migrates while the others wait on the advisory lock.
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(7291001)');
      await applyMigrations(this, namespace, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock(7291001)').catch(() => undefined);
      client.release();
    }
  }

  async integrityCheck(): Promise<string[]> {
    await this.query('SELECT 1');
    return [];
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
