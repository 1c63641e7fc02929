import type { Client, Pool, PoolClient } from 'pg';
import { applyMigrations, type Db, type Migration, type Queryable, type SqlParam, type SqlValue, type StoreListener, type StoreNotifications } from './db';
import { isConnectionError, mapConnectionErrors, storeUnavailable } from './pg-errors';

/** How long a request may wait for a connection or a statement before it fails with STORE_UNAVAILABLE. */
const CONNECT_TIMEOUT_MS = 3000;
const QUERY_TIMEOUT_MS = 15_000;
/** Any migration of any daemon holds this advisory lock, so daemons starting together migrate one at a time. */
const MIGRATION_LOCK = 7291001;

/**
 * The hall-wide store: many daemons share one PostgreSQL database. `pg` is loaded only when configured.
 * Integer columns come back as numbers (int4); write aggregates with CAST(... AS INTEGER).
 *
 * Connection loss: while the server is away every call fails fast with the DomainError STORE_UNAVAILABLE
 * (503), never hangs longer than the timeouts above; broken connections are dropped from the pool, so the
 * first request after the server is back works. Connection errors are mapped in one place (pg-errors.ts).
 */
export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly writingWith = true as const;
  readonly description: string;

  private constructor(
    private readonly pool: Pool,
    /**
     * The ticket's statement's own connections (`prepared`): their sessions plan every named statement once,
     * generically (`plan_cache_mode`), where PostgreSQL would otherwise plan a custom plan on every execution.
     * Only named statements run here; the pool's ad hoc statements keep their custom plans.
     */
    private readonly planned: Pool,
    private readonly url: string,
    private readonly pg: typeof import('pg').default,
  ) {
    const u = new URL(url);
    this.description = `postgres ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }

  /** `poolSize`: connections at most in each pool (`store.poolSize`), besides the relay's dedicated listener. */
  static async connect(url: string, { poolSize = 5 }: { poolSize?: number } = {}): Promise<PostgresDb> {
    const pg = (await import('pg')).default;
    const options = { connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, idleTimeoutMillis: 30_000 };
    const pool = new pg.Pool(options);
    const planned = new pg.Pool({ ...options, options: '-c plan_cache_mode=force_generic_plan' });
    // An idle client that loses its server emits here; the pool drops it and the next query reconnects.
    pool.on('error', () => undefined);
    planned.on('error', () => undefined);
    const db = new PostgresDb(pool, planned, url, pg);
    await db.query('SELECT 1');
    return db;
  }

  readonly notifications: StoreNotifications = {
    notify: async (channel, payload) => {
      await this.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    listen: (channel, onMessage, onLost) => this.listen(channel, onMessage, onLost),
  };

  /** LISTEN on a dedicated connection outside the pool: a listening connection must stay open. */
  private async listen(channel: string, onMessage: (payload: string) => void, onLost: () => void): Promise<StoreListener> {
    // LISTEN takes an identifier, not a parameter: only plain names reach the SQL.
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid notification channel ${channel}`);
    const client = await this.dedicatedClient();
    let open = true;
    // Lost before LISTEN answered: the LISTEN itself fails and the caller hears of it by the rejection.
    let listening = false;
    const close = async () => {
      if (!open) return;
      open = false;
      await client.end().catch(() => undefined);
    };
    const lost = () => {
      if (!open) return;
      void close();
      if (listening) onLost();
    };
    client.on('notification', (msg) => {
      if (open && msg.channel === channel && msg.payload) onMessage(msg.payload);
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.query(`LISTEN ${channel}`);
      listening = true;
    } catch (err) {
      await close();
      throw err;
    }
    return { close };
  }

  /** A connection outside the pool; the caller handles its 'error' event and ends it. */
  private async dedicatedClient(): Promise<Client> {
    const client = new this.pg.Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw isConnectionError(err) ? storeUnavailable(err) : err;
    }
    return client;
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
    return mapConnectionErrors(() => PostgresDb.on(this.pool).query<T>(sql, params));
  }

  execute(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return mapConnectionErrors(() => PostgresDb.on(this.pool).execute(sql, params));
  }

  /** `Db.prepared`: parsed once per connection of `planned`, planned once there (generic plan), then only bound and run. */
  prepared<T>(name: string, sql: string, params: readonly SqlParam[]): Promise<T[]> {
    return mapConnectionErrors(async () => (await this.planned.query({ name, text: sql, values: params as unknown[] })).rows as T[]);
  }

  /** `Db.executeRelaxed`: a statement's own commit is already one round trip here; nothing cheaper is kept. */
  executeRelaxed(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.execute(sql, params);
  }

  /** Checks out one client; a client that saw a connection error is destroyed, not returned to the pool. */
  private async withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    return mapConnectionErrors(async () => {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        return await fn(client);
      } catch (err) {
        if (isConnectionError(err)) broken = err as Error;
        throw err;
      } finally {
        client.release(broken);
      }
    });
  }

  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await fn(PostgresDb.on(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  migrate(namespace: string, migrations: readonly Migration[]): Promise<void> {
    // Several daemons may start at once: one migrates while the others wait on the advisory lock.
    return this.withClient(async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await applyMigrations(this, namespace, migrations);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      }
    });
  }

  async integrityCheck(): Promise<string[]> {
    await this.query('SELECT 1');
    return [];
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.planned.end()]);
  }
}
