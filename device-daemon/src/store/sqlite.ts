import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { applyMigrations, type Db, type Migration, type Queryable, type SqlValue } from './db';

const require = createRequire(import.meta.url);

/** `$1 ... $n` -> `?`, and which parameter each `?` takes (a placeholder may repeat). */
function placeholders(sql: string): { text: string; order: number[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text, order };
}

function bind(order: readonly number[], params: readonly SqlValue[]): SqlValue[] {
  return order.map((index) => {
    if (index < 0 || index >= params.length) throw new Error(`placeholder $${index + 1} has no parameter`);
    return params[index]!;
  });
}

/** `$1 ... $n` -> `?` with the parameters in order of appearance (a placeholder may repeat). */
export function toSqlite(sql: string, params: readonly SqlValue[] = []): [string, SqlValue[]] {
  const { text, order } = placeholders(sql);
  return [text, bind(order, params)];
}

/** A transaction waiting for its commit: its work and its caller's promise. */
interface Pending {
  fn: (q: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * The embedded store: one better-sqlite3 connection in WAL mode. Work is serialised through a promise chain
 * so a transaction's statements never interleave with another's.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly description: string;
  private readonly db: BetterSqlite3.Database;
  private chain: Promise<unknown> = Promise.resolve();
  /** The transactions waiting for the next commit (see `tx`). */
  private batch: Pending[] | undefined;
  private readonly statements = new Map<string, { statement: BetterSqlite3.Statement; order: number[] }>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const Database = require('better-sqlite3') as typeof BetterSqlite3;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.description = `sqlite ${file}`;
  }

  private readonly direct: Queryable = {
    query: async <T>(sql: string, params?: readonly SqlValue[]) => {
      const stmt = this.prepare(sql, params);
      return (stmt.statement.reader ? stmt.statement.all(...stmt.params) : (stmt.statement.run(...stmt.params), [])) as T[];
    },
    execute: async (sql: string, params?: readonly SqlValue[]) => {
      const stmt = this.prepare(sql, params);
      if (stmt.statement.reader) return stmt.statement.all(...stmt.params).length;
      return stmt.statement.run(...stmt.params).changes;
    },
  };

  /** Prepared once per SQL text, placeholders rewritten once: a ticket runs the same few statements all day. */
  private prepare(sql: string, params: readonly SqlValue[] = []) {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      const { text, order } = placeholders(sql);
      prepared = { statement: this.db.prepare(text), order };
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, prepared);
    }
    return { statement: prepared.statement, params: bind(prepared.order, params) };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  query<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.serial(() => this.direct.query<T>(sql, params));
  }

  execute(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.serial(() => this.direct.execute(sql, params));
  }

  /** Without its own fsync (`Db.executeRelaxed`): synchronous NORMAL for this statement only. */
  executeRelaxed(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.serial(async () => {
      this.db.pragma('synchronous = NORMAL');
      try {
        return await this.direct.execute(sql, params);
      } finally {
        this.db.pragma('synchronous = FULL');
      }
    });
  }

  /**
   * Group commit: transactions asked for in the same turn of the event loop (or while the one before was
   * being written) share one COMMIT, so one fsync, each in a SAVEPOINT of its own: a failing one is rolled
   * back alone and rejects alone, as if it had run by itself. Each is answered only after the COMMIT that
   * holds it, so nothing is answered before it is on disk. The connection blocks the event loop while it
   * syncs; the requests that arrived meanwhile are read in the next turn and commit together.
   */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { fn, resolve: resolve as (value: unknown) => void, reject };
      if (this.batch) {
        this.batch.push(pending);
        return;
      }
      const batch = [pending];
      this.batch = batch;
      this.serial(async () => {
        await new Promise((r) => setImmediate(r)); // one turn: the requests read with this one join it
        this.batch = undefined;
        await this.commitTogether(batch);
      }).catch(() => undefined); // every caller has had its answer: only a failed ROLLBACK gets here
    });
  }

  private async commitTogether(batch: Pending[]): Promise<void> {
    const alone = batch.length === 1;
    let ran: { pending: Pending; value: unknown }[] = [];
    const failAll = (err: unknown) => {
      for (const r of ran) r.pending.reject(err);
      ran = [];
    };
    try {
      for (const pending of batch) {
        if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
        if (!alone) this.db.exec('SAVEPOINT grouped');
        try {
          ran.push({ pending, value: await pending.fn(this.direct) });
          if (!alone) this.db.exec('RELEASE grouped');
        } catch (err) {
          pending.reject(err);
          if (!this.db.inTransaction) failAll(err); // SQLite rolled the whole transaction back (disk full, I/O)
          else if (alone) this.db.exec('ROLLBACK');
          else this.db.exec('ROLLBACK TO grouped; RELEASE grouped');
        }
      }
      if (this.db.inTransaction) this.db.exec('COMMIT');
      for (const r of ran) r.pending.resolve(r.value);
    } catch (err) {
      // BEGIN, a SAVEPOINT or the COMMIT failed: nothing of this batch is committed (a settled promise ignores it).
      for (const pending of batch) pending.reject(err);
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
  }

  migrate(namespace: string, migrations: readonly Migration[]): Promise<void> {
    return applyMigrations(this, namespace, migrations);
  }

  async integrityCheck(): Promise<string[]> {
    const rows = await this.query<{ integrity_check: string }>('PRAGMA integrity_check');
    const fk = await this.query<Record<string, SqlValue>>('PRAGMA foreign_key_check');
    return [
      ...rows.map((r) => r.integrity_check).filter((x) => x !== 'ok'),
      ...fk.map((r) => `foreign key: ${JSON.stringify(r)}`),
    ];
  }

  async close(): Promise<void> {
    await this.chain;
    if (this.db.open) this.db.close();
  }
}
