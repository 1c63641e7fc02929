import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgres } from '../support/postgres';
import { httpLoad } from './http-load';
import { startDaemonProcess, type DaemonProcess } from './processes';
import { verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const CATEGORIES = 'ABCDEFGH'.split('').map((id, i) => ({ id, name: `事项${i + 1}`, dailyMax: 999 }));
const IN_FLIGHT_PER_DAEMON = 8;

/**
 * The hall-wide queue across daemon processes: 1, 4 and 8 daemons (each its own Node process, as kiosks and
 * windows are) on one throwaway PostgreSQL 15 (fsync on), each driven over HTTP with 8 requests in flight,
 * issuing screen tickets round the hall's categories. Afterwards every category's numbers are checked in
 * the database: no number twice, none skipped (1..max all present).
 *
 * Round trips per ticket on PostgreSQL: ONE for these walk-in tickets (queue/take-one-statement.ts): the counter
 * upsert (its row lock: no number twice), the ticket insert in the same statement (committed together: no gap;
 * durable before the answer), people ahead and the estimate read in passing; then the relay's NOTIFY, one per
 * burst of events, off the answer's path. docs/PERFORMANCE.md says which guarantee each part keeps.
 */
export async function bench(): Promise<BenchRow[]> {
  const perPhase = quick ? 160 : 1600;
  const root = mkdtempSync(path.join(tmpdir(), 'bench-hall-'));
  const db = await startPostgres({ durable: true, database: 'kiosk_hall' });
  const config = { devices: {}, store: { driver: 'postgres', url: db.url }, queue: { categories: CATEGORIES }, log: { level: 'silent' } };
  const rows: BenchRow[] = [];
  let issued = 0;
  try {
    // The first daemon runs the migrations alone; the others find the schema in place.
    await (await startDaemonProcess(config, root)).stop();
    // Committed transactions per ticket, a figure the shared machine's load does not move: each statement outside
    // BEGIN/COMMIT is one; PostgreSQL counts them per backend and publishes the counts within a second.
    const stats = new pg.Client({ connectionString: db.url });
    await stats.connect();
    const commits = async () => {
      await new Promise((r) => setTimeout(r, 1500));
      await stats.query('SELECT pg_stat_clear_snapshot()');
      const { rows: [r] } = await stats.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
      return Number(r!.n);
    };
    let single = 0;
    // Quick (CI): 1 and 2 daemons, enough to check numbering across processes; each start costs seconds.
    for (const count of quick ? [1, 2] : [1, 4, 8]) {
      const daemons: DaemonProcess[] = await Promise.all(Array.from({ length: count }, () => startDaemonProcess(config, root)));
      try {
        let next = 0;
        const body = () => ({ categoryId: CATEGORIES[next++ % CATEGORIES.length]!.id, delivery: 'screen' });
        await Promise.all(daemons.map((d) => httpLoad(`${d.url}/api/queue/tickets`, body, 8, 4))); // warm-up
        const before = await commits();
        const t0 = performance.now();
        const each = await Promise.all(daemons.map((d) => httpLoad(`${d.url}/api/queue/tickets`, body, Math.ceil(perPhase / count), IN_FLIGHT_PER_DAEMON)));
        const perSecond = (Math.ceil(perPhase / count) * count) / ((performance.now() - t0) / 1000);
        issued += next;
        const perTicket = ((await commits()) - before - 2) / (Math.ceil(perPhase / count) * count); // 2: this client's reads
        if (count === 1) single = perSecond;
        const p99 = Math.max(...each.map((e) => e.p99));
        rows.push({
          area: 'hall-wide',
          metric: `${count} daemon process${count > 1 ? 'es' : ''}, ${IN_FLIGHT_PER_DAEMON} in flight each: tickets/s (p99)`,
          value: `${perSecond.toFixed(0)} /s (${p99.toFixed(1)} ms)`,
          ratio: `${count === 1 ? 'baseline' : `${(perSecond / single).toFixed(2)}x one daemon`}; ${perTicket.toFixed(2)} PostgreSQL transactions per ticket`,
          ...(count === 8 ? { target: verdict('≥ 1000 /s across 8', perSecond >= 1000) } : {}),
        });
      } finally {
        await Promise.all(daemons.map((d) => d.stop()));
      }
    }
    await stats.end();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows: check } = await client.query<{ n: string; distinct: string; max: string }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS distinct, MAX(seq) AS max FROM tickets GROUP BY category_id, service_date',
    );
    await client.end();
    const total = check.reduce((s, r) => s + Number(r.n), 0);
    const duplicates = check.reduce((s, r) => s + Number(r.n) - Number(r.distinct), 0);
    const gaps = check.reduce((s, r) => s + Number(r.max) - Number(r.distinct), 0);
    if (total !== issued) throw new Error(`${issued} tickets answered 201, ${total} in the database`);
    rows.push({ area: 'hall-wide', metric: 'numbers checked in PostgreSQL: duplicates / gaps', value: `${duplicates} / ${gaps}`, ratio: `${total} tickets, ${check.length} categories`, target: verdict('0 / 0', duplicates === 0 && gaps === 0) });
  } finally {
    await db.stop();
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
