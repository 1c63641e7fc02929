import pg from 'pg';
import { cpuSince, postgresProcesses } from './proc-cpu';

/** What the bare statement writes: one row, like a ticket's insert, into a table of its own. */
export const CEILING_TABLE = `CREATE TABLE IF NOT EXISTS bench_ceiling (
  id BIGSERIAL PRIMARY KEY, category_id TEXT NOT NULL, issued_at TIMESTAMPTZ NOT NULL DEFAULT now())`;
/** Also the bare daemons' statement (bare-daemon.ts). */
export const CEILING_INSERT = 'INSERT INTO bench_ceiling (category_id) VALUES ($1) RETURNING id';
/** The same insert with a NOTIFY in the same statement, as a hall event sent inside the issuing statement would be. */
const INSERT_NOTIFY = `WITH t AS (INSERT INTO bench_ceiling (category_id) VALUES ($1) RETURNING id)
  SELECT id, pg_notify('bench_ceiling', CAST(id AS TEXT)) FROM t`;

export interface Ceiling {
  perSecond: number;
  /** CPU time of this process per statement (ms): what the load generator itself costs. */
  clientCpuMs: number;
  /** PostgreSQL's CPU time per statement (ms), read before the connections close (their backends then exit). */
  postgresCpuMs: number;
}

/**
 * The machine's ceiling for the hall-wide bench: `connections` clients of the same `pg` package, each sending
 * one-statement transactions (an INSERT … RETURNING, committed on its own) in a closed loop, `total` in all, on
 * the same server with the same durability. Nothing of the daemon runs: what is left between this and the
 * daemons' figure is ours; what is not reached here is PostgreSQL's on this machine. With `notify`, every
 * statement also calls pg_notify, which PostgreSQL serialises hall-wide at commit (a database-wide lock held
 * from before the commit record is flushed until after).
 */
export async function pgCeiling(url: string, dataDirectory: string, connections: number, total: number, notify = false): Promise<Ceiling> {
  const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString: url }));
  try {
    await Promise.all(clients.map((c) => c.connect()));
    await clients[0]!.query(CEILING_TABLE);
    const sql = notify ? INSERT_NOTIFY : CEILING_INSERT;
    await Promise.all(clients.map((c) => c.query(sql, ['A']))); // warm-up: each backend's first statement
    let next = 0;
    const pg0 = postgresProcesses(dataDirectory);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (c, i) => {
        while (next++ < total) await c.query(sql, [String.fromCharCode(65 + (i % 8))]);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const postgresCpuMs = (cpuSince(pg0, postgresProcesses(dataDirectory)) * 1000) / total;
    return { perSecond: total / seconds, clientCpuMs: (cpu.user + cpu.system) / 1000 / total, postgresCpuMs };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
