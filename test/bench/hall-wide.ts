import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgres } from '../support/postgres';
import { bareRows } from './hall-bare';
import { cpuCells, IN_FLIGHT_PER_DAEMON, timedPhase, WARM_UP_PER_DAEMON, warmUp, type Phase } from './hall-phase';
import { statementRows } from './hall-statement';
import { CEILING_TABLE, pgCeiling } from './pg-ceiling';
import { startDaemonProcess, type DaemonProcess } from './processes';
import { verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const CATEGORIES = 'ABCDEFGH'.split('').map((id, i) => ({ id, name: `事项${i + 1}`, dailyMax: 999 }));
/** Says which phase failed: a 503 from eight daemons' warm-up is not one from their timed phase. */
const during = (count: number, what: string) => (err: Error): never => {
  throw new Error(`${count} daemons, ${what}: ${err.message}`);
};

/**
 * The hall-wide queue across daemon processes: 1, 4 and 8 daemons (each its own Node process, as kiosks and
 * windows are) on one throwaway PostgreSQL 15 (fsync on), each driven over HTTP with 8 requests in flight,
 * issuing screen tickets round the hall's categories. After each phase every category's numbers are checked in
 * the database (no number twice, none skipped: 1..max all present) and the day is emptied, so every phase starts
 * from the same hall: an empty day, then its warm-up.
 *
 * Round trips per ticket on PostgreSQL: at most ONE for these walk-in tickets (queue/take-one-statement.ts), and
 * one per batch for the tickets a daemon is asked for at once (queue/take-together.ts, group commit): the counter
 * upsert (its row lock: no number twice), the ticket inserts in the same statement (committed together: no gap;
 * durable before the answer), people ahead and the estimate read in passing; then the relay's NOTIFY, one per
 * burst of events, off the answer's path and outside the ticket's transaction. docs/PERFORMANCE.md says which
 * guarantee each part keeps. KIOSK_BENCH_ONE_BY_ONE=1 sends one statement a ticket, to measure what batching buys.
 *
 * Beside the largest phase, the machine's ceiling in the same run (pg-ceiling.ts): as many bare connections as
 * the daemons had requests in flight, each committing one INSERT … RETURNING, then the same with pg_notify in
 * the statement. And the CPU each ticket cost (daemons, PostgreSQL, this load generator; /proc), which the
 * shared machine's load does not move: two cores divided by it is the most this machine can issue.
 */
export async function bench(): Promise<BenchRow[]> {
  const perPhase = quick ? 160 : 1600;
  const warmUpPerDaemon = quick ? IN_FLIGHT_PER_DAEMON : WARM_UP_PER_DAEMON;
  const root = mkdtempSync(path.join(tmpdir(), 'bench-hall-'));
  const db = await startPostgres({ durable: true, database: 'kiosk_hall' });
  // Each daemon's pool (store.poolSize), ours and the bare ones alike: 2, as docs/CONFIGURATION.md advises for eight
  // daemons on a 2-core server (measured: docs/PERFORMANCE.md); KIOSK_BENCH_PG_POOL measures another.
  const poolSize = Number(process.env.KIOSK_BENCH_PG_POOL) || 2;
  const store = { driver: 'postgres', url: db.url, poolSize };
  const config = { devices: {}, store, queue: { categories: CATEGORIES }, log: { level: 'silent' } };
  const rows: BenchRow[] = [];
  const checked: Checked[] = [];
  try {
    // The first daemon runs the migrations alone; the others find the schema in place.
    await (await startDaemonProcess(config, root)).stop();
    // Committed transactions per ticket, a figure the shared machine's load does not move: each statement outside
    // BEGIN/COMMIT is one. PostgreSQL 15 counts them per backend and publishes them when the backend exits, or
    // when it goes idle at least a second after its last report, else up to 10 s later: so the count before a phase
    // is read after 11 s of quiet, the one after once the daemons (and their connections) have stopped.
    const stats = new pg.Client({ connectionString: db.url });
    stats.on('error', () => undefined); // the server stopping after a failed phase must not hide that failure
    await stats.connect();
    const { rows: [setting] } = await stats.query<{ data_directory: string }>('SHOW data_directory');
    const dataDirectory = setting!.data_directory;
    const commits = async (quietMs: number) => {
      await new Promise((r) => setTimeout(r, quietMs));
      await stats.query('SELECT pg_stat_clear_snapshot()');
      const { rows: [r] } = await stats.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
      return Number(r!.n);
    };
    let single = 0;
    let largest = 0;
    // Quick (CI): 1 and 2 daemons, enough to check numbering across processes; each start costs seconds.
    // KIOSK_BENCH_HALL_DAEMONS=8 runs only that phase (with its bare baseline), e.g. to profile it.
    const only = process.env.KIOSK_BENCH_HALL_DAEMONS?.split(',').map(Number).filter((n) => n > 0);
    const counts = only?.length ? only : quick ? [1, 2] : [1, 4, 8];
    await stats.query(CEILING_TABLE); // the bare daemons' table
    for (const count of counts) {
      const perDaemon = Math.ceil(perPhase / count);
      const daemons: DaemonProcess[] = await Promise.all(Array.from({ length: count }, () => startDaemonProcess(config, root)));
      let phase: Phase;
      try {
        let next = 0;
        const body = () => ({ categoryId: CATEGORIES[next++ % CATEGORIES.length]!.id, delivery: 'screen' });
        await warmUp(daemons, body, IN_FLIGHT_PER_DAEMON, warmUpPerDaemon).catch(during(count, 'warm-up'));
        const before = await commits(11_000);
        phase = await timedPhase(daemons, body, perDaemon, IN_FLIGHT_PER_DAEMON, dataDirectory).catch(during(count, 'phase'));
        await Promise.all(daemons.map((d) => d.stop()));
        // This phase's numbers checked, then the hall's day emptied: each phase starts as a morning does. Left in
        // place, the earlier phases' tickets (all still waiting) made every later ticket's people-ahead count read
        // a longer queue (525-925 a category in the 8-daemon phase instead of 200-400): a cost of the phase order.
        checked.push(await checkNumbers(db.url, next));
        // Every transaction of the database, autovacuum's and the daemons' timers' included.
        const perTicket = ((await commits(1000)) - before - 2) / phase.tickets; // 2: this client's reads
        const first = single === 0;
        if (first) single = phase.perSecond;
        largest = phase.perSecond;
        const name = `${count} daemon process${count > 1 ? 'es' : ''}`;
        rows.push({
          area: 'hall-wide',
          metric: `${name}, ${IN_FLIGHT_PER_DAEMON} in flight each, pool ${poolSize}: tickets/s (p99)`,
          value: `${phase.perSecond.toFixed(0)} /s (${phase.p99.toFixed(1)} ms)`,
          ratio: `${first ? 'baseline' : `${(phase.perSecond / single).toFixed(2)}x ${counts[0] === 1 ? 'one daemon' : `${counts[0]} daemons`}`}; ${phase.statements.toFixed(2)} statements sent per ticket, all daemons; ${perTicket.toFixed(2)} PostgreSQL transactions`,
          ...(count === 8 ? { target: verdict('≥ 1000 /s across 8', phase.perSecond >= 1000) } : {}),
        });
        const cpu = cpuCells(phase);
        rows.push({
          area: 'hall-wide',
          metric: `${name}: CPU per ticket, daemons + PostgreSQL + load generator`,
          value: cpu.value,
          ratio: `2 cores allow ${cpu.allow.toFixed(0)} /s; this run reached ${cpu.reached.toFixed(2)} of that`,
        });
      } finally {
        await Promise.all(daemons.map((d) => d.stop()));
      }
      if (count === counts[0] || count === counts.at(-1)) rows.push(...(await bareRows(count, phase, config.store, root, dataDirectory, warmUpPerDaemon)));
    }
    // The ceiling beside the largest phase: the same connections, no daemon, same server and durability.
    const connections = counts.at(-1)! * IN_FLIGHT_PER_DAEMON;
    let plain = 0;
    for (const notify of [false, true]) {
      const bare = await pgCeiling(db.url, dataDirectory, connections, perPhase, notify);
      if (!notify) plain = bare.perSecond;
      rows.push({
        area: 'hall-wide',
        metric: `ceiling: bare PostgreSQL, ${connections} connections, INSERT … RETURNING${notify ? ' with pg_notify in it' : ''}, one per transaction`,
        value: `${bare.perSecond.toFixed(0)} /s`,
        ratio: notify
          ? `${(bare.perSecond / plain).toFixed(2)} of the same without it: NOTIFY serialises commits, so the relay's stays outside the ticket's`
          : `${counts.at(-1)} daemons reached ${(largest / bare.perSecond).toFixed(2)} of it; PostgreSQL ${bare.postgresCpuMs.toFixed(2)} + client ${bare.clientCpuMs.toFixed(2)} ms CPU a statement`,
      });
    }
    await stats.end();
    const total = checked.reduce((s, c) => s + c.total, 0);
    const duplicates = checked.reduce((s, c) => s + c.duplicates, 0);
    const gaps = checked.reduce((s, c) => s + c.gaps, 0);
    rows.push({ area: 'hall-wide', metric: 'numbers checked in PostgreSQL: duplicates / gaps', value: `${duplicates} / ${gaps}`, ratio: `${total} tickets, ${CATEGORIES.length} categories, ${checked.length} phases`, target: verdict('0 / 0', duplicates === 0 && gaps === 0) });
    // After the check: its tickets go to service days of their own.
    rows.push(...(await statementRows(db.url, dataDirectory, CATEGORIES.map((c) => c.id), perPhase)));
  } finally {
    await db.stop();
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

interface Checked {
  total: number;
  duplicates: number;
  gaps: number;
}

/**
 * Every category's numbers of the phase just run: none twice, none missing (count, distinct, highest); then the
 * day's tickets and counters are removed, so the next phase starts from an empty day.
 */
async function checkNumbers(url: string, answered: number): Promise<Checked> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: check } = await client.query<{ n: string; distinct: string; max: string }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS distinct, MAX(seq) AS max FROM tickets GROUP BY category_id, service_date',
    );
    const total = check.reduce((s, r) => s + Number(r.n), 0);
    if (total !== answered) throw new Error(`${answered} tickets answered 201, ${total} in the database`);
    await client.query('TRUNCATE tickets, ticket_counters CASCADE');
    return {
      total,
      duplicates: check.reduce((s, r) => s + Number(r.n) - Number(r.distinct), 0),
      gaps: check.reduce((s, r) => s + Number(r.max) - Number(r.distinct), 0),
    };
  } finally {
    await client.end();
  }
}
