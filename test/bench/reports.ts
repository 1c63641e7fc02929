import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { serviceDate } from '../../device-daemon/src/core/hall-time';
import { startPostgres } from '../support/postgres';
import { benchConfig } from './config';
import { fillHallHistory } from './hall-year';
import { verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
/** A year of a busy hall (500,000 tickets, 200,000 ratings); quick: a month of it. */
const DAYS = quick ? 30 : 365;
const TICKETS_PER_DAY = 1370;
const RATINGS_PER_DAY = 548;

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function measure(engine: string, store: Record<string, unknown>, dir: string): Promise<BenchRow[]> {
  const app: FastifyInstance = buildApp({
    config: await benchConfig({ devices: {}, store, log: { level: 'silent' } }, dir),
  }, { logger: false });
  await app.ready();
  try {
    const today = serviceDate(new Date(), app.config.hall.timezone);
    const t0 = performance.now();
    const tickets = await fillHallHistory(app.store, today, DAYS, TICKETS_PER_DAY, RATINGS_PER_DAY);
    const fillS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const rolled = await app.reports.rollUp(shift(today, -DAYS), today);
    const rollS = (performance.now() - t1) / 1000;
    const page = async (from: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await app.reports.statistics(from, today);
        times.push(performance.now() - s);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const ranges: [string, number][] = [['today (live)', 0], ['7 days', 6], ['30 days', 29], ['90 days', 89]];
    if (!quick) ranges.push(['365 days', 364]);
    const rows: BenchRow[] = [
      { area: 'reports', metric: `${engine}: history of ${DAYS} days (${tickets} tickets)`, value: `${fillS.toFixed(1)} s to write`, ratio: `${rolled} days and months rolled up in ${rollS.toFixed(1)} s, once` },
    ];
    const pageMs = new Map<number, number>();
    for (const [title, back] of ranges) {
      const ms = await page(shift(today, -back));
      pageMs.set(back, ms);
      rows.push({ area: 'reports', metric: `${engine}: statistics page, ${title}`, value: `${ms.toFixed(0)} ms (median of 5)`, target: verdict('< 200 ms', ms < 200) });
    }
    // The baseline: the same 30 days counted from every ticket and rating (what the rollups spare).
    const s = performance.now();
    await app.reports.rawStatistics(shift(today, -29), today);
    const rawMs = performance.now() - s;
    rows.push({ area: 'reports', metric: `${engine}: 30 days counted from raw rows`, value: `${rawMs.toFixed(0)} ms`, ratio: `rollups ${(rawMs / pageMs.get(29)!).toFixed(0)}x faster` });
    return rows;
  } finally {
    await app.close();
  }
}

/** The manager's statistics on a year of a busy hall, SQLite and PostgreSQL, page times after the rollups. */
export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-bench-reports-'));
  const pg = await startPostgres();
  try {
    return [
      ...(await measure('SQLite', { driver: 'sqlite', path: path.join(dir, 'kiosk.db') }, dir)),
      ...(await measure('PostgreSQL', { driver: 'postgres', url: pg.url }, dir)),
    ];
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
