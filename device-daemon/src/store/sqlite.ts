import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { applyMigrations, type Db, type Migration, type Queryable, type SqlValue } from './db';

const require = createRequire(import.meta.url);

/** `$1 ... $n` -> `?` with the parameters in order of appearance (a placeholder may repeat). */
export function toSqlite(sql: string, params: readonly SqlValue[] = []): [string, SqlValue[]] {
  const ordered: SqlValue[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`placeholder $${n} has no parameter`);
    ordered.push(params[index]!);
    return '?';
  });
  return [text, ordered];
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
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

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

  private prepare(sql: string, params?: readonly SqlValue[]) {
    const [text, ordered] = toSqlite(sql, params);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(text, statement);
    }
    return { statement, params: ordered };
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

  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
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
