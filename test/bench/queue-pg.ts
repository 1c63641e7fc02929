import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';
import { startPostgres } from '../support/postgres';
import { percentile, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';

/** `total` ticket issues with `inFlight` requests at a time; latency of each, throughput of the whole. */
async function issueLoad(app: FastifyInstance, total: number, inFlight: number) {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      const res = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: i % 2 ? 'A' : 'B', delivery: 'screen' } });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: total / seconds };
}

async function hallApp(store: Record<string, unknown>, dataDir: string): Promise<FastifyInstance> {
  const categories = [{ id: 'A', name: '社会民生', dailyMax: 999 }, { id: 'B', name: '注册登记', dailyMax: 999 }];
  return buildApp({ config: await benchConfig({ devices: {}, store, queue: { categories }, log: { level: 'silent' } }, dataDir) }, { logger: false });
}

/**
 * Ticket issue through the whole API on the hall-wide store (PostgreSQL 15 on loopback, fsync on) against the
 * embedded one (SQLite, WAL, synchronous=FULL) in the same run: one request at a time, then eight in flight.
 * Each store gets fresh categories per phase so no daily maximum is reached (999 per category and day).
 */
export async function bench(): Promise<BenchRow[]> {
  const n = quick ? 100 : 400;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-queue-pg-'));
  const pg = await startPostgres({ durable: true, database: 'kiosk_bench' });
  const sqlite = await hallApp({ driver: 'sqlite', path: path.join(dir, 'kiosk.db') }, dir);
  const postgres = await hallApp({ driver: 'postgres', url: pg.url }, dir);
  try {
    await sqlite.ready();
    await postgres.ready();
    // Warm-up: connections opened, statements prepared.
    await issueLoad(sqlite, 20, 1);
    await issueLoad(postgres, 20, 1);
    const s1 = await issueLoad(sqlite, n, 1);
    const p1 = await issueLoad(postgres, n, 1);
    const s8 = await issueLoad(sqlite, n, 8);
    const p8 = await issueLoad(postgres, n, 8);
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const row = (metric: string, value: string, ratio?: string): BenchRow => ({ area: 'queue-pg', metric, value, ...(ratio ? { ratio } : {}) });
    return [
      row('issue, SQLite, 1 in flight: p50 / p99 (baseline)', `${ms(s1.p50)} / ${ms(s1.p99)}`, '1.0x'),
      row('issue, PostgreSQL, 1 in flight: p50 / p99', `${ms(p1.p50)} / ${ms(p1.p99)}`, `${(p1.p50 / s1.p50).toFixed(2)}x SQLite p50`),
      row('issue, SQLite, 1 in flight: throughput', `${s1.perSecond.toFixed(0)} /s`, '1.0x'),
      row('issue, PostgreSQL, 1 in flight: throughput', `${p1.perSecond.toFixed(0)} /s`, `${(p1.perSecond / s1.perSecond).toFixed(2)} of SQLite`),
      row('issue, SQLite, 8 in flight: p50 / p99', `${ms(s8.p50)} / ${ms(s8.p99)}`, '1.0x'),
      row('issue, PostgreSQL, 8 in flight: p50 / p99', `${ms(p8.p50)} / ${ms(p8.p99)}`, `${(p8.p50 / s8.p50).toFixed(2)}x SQLite p50`),
      row('issue, SQLite, 8 in flight: throughput', `${s8.perSecond.toFixed(0)} /s`, '1.0x'),
      row('issue, PostgreSQL, 8 in flight: throughput', `${p8.perSecond.toFixed(0)} /s`, `${(p8.perSecond / s8.perSecond).toFixed(2)} of SQLite`),
    ];
  } finally {
    await sqlite.close().catch(() => undefined);
    await postgres.close().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
