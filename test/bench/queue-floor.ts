import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { SqliteDb } from '../../device-daemon/src/store/sqlite';
import { percentile } from './table';

export interface Measured {
  p50: number;
  p99: number;
  perSecond: number;
  /** CPU time (user + system) of this process per call, ms: what a busy shared machine does not inflate much. */
  cpuMs: number;
}

/** `n` calls one after another: latency percentiles, throughput and CPU time per call. */
export async function measure(n: number, call: () => Promise<{ statusCode: number } | void>, expected?: number): Promise<Measured> {
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await call();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (expected !== undefined && r && r.statusCode !== expected) throw new Error(`unexpected status ${r.statusCode}`);
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (n / totalMs) * 1000, cpuMs: (cpu.user + cpu.system) / 1000 / n };
}

/**
 * The floor of a durable ticket: one SQLite transaction of one small INSERT, committed with fsync
 * (synchronous FULL, WAL) by the daemon's own store driver, in the same folder as the daemon's database. A
 * ticket is answered only after such a commit, so one at a time it cannot go faster than this.
 */
export async function durableCommit(dir: string, n: number): Promise<Measured> {
  const db = new SqliteDb(path.join(dir, 'floor.db'));
  try {
    await db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    for (let i = 0; i < 20; i++) await db.tx((q) => q.execute('INSERT INTO t (v) VALUES ($1)', ['warm-up']));
    return await measure(n, () => db.tx(async (q) => void (await q.execute('INSERT INTO t (v) VALUES ($1)', ['A001']))));
  } finally {
    await db.close();
  }
}

/**
 * The ceiling of a durable ticket answered over the API, one at a time: the bare route whose handler first does
 * the floor's commit (one fsynced INSERT, same driver, same folder). Where this is below a target, so is any
 * ticket: it does at least this much.
 */
export async function durableRoute(dir: string, n: number): Promise<Measured> {
  const db = new SqliteDb(path.join(dir, 'route-floor.db'));
  const route = Fastify({ logger: false });
  try {
    await db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    route.post('/t', async (_req, reply) => {
      await db.tx(async (q) => void (await q.execute('INSERT INTO t (v) VALUES ($1)', ['A001'])));
      return reply.status(201).send({ ticket: { number: 'A001' } });
    });
    await route.ready();
    const call = () => route.inject({ method: 'POST', url: '/t', payload: { categoryId: 'A' } });
    for (let i = 0; i < 20; i++) await call();
    return await measure(n, call, 201);
  } finally {
    await route.close();
    await db.close();
  }
}

/** Store calls made while `work` runs (transactions, and statements outside one), by wrapping the app's store. */
export async function countStoreCalls<T>(app: FastifyInstance, work: () => Promise<T>): Promise<{ result: T; tx: number; statements: number }> {
  const store = app.store as unknown as Record<'tx' | 'query' | 'execute' | 'executeRelaxed', (...args: unknown[]) => unknown>;
  const counts = { tx: 0, statements: 0 };
  const originals = { tx: store.tx, query: store.query, execute: store.execute, executeRelaxed: store.executeRelaxed };
  for (const name of ['tx', 'query', 'execute', 'executeRelaxed'] as const) {
    const original = originals[name];
    if (!original) continue;
    store[name] = (...args: unknown[]) => {
      counts[name === 'tx' ? 'tx' : 'statements'] += 1;
      return original.apply(app.store, args);
    };
  }
  try {
    const result = await work();
    await new Promise((r) => setTimeout(r, 50)); // what the tickets' events start after the answers
    return { result, ...counts };
  } finally {
    for (const name of ['tx', 'query', 'execute', 'executeRelaxed'] as const) delete store[name]; // the class's own again
  }
}
