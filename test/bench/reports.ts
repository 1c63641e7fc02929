import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { serviceDate } from '../../device-daemon/src/core/hall-time';
import { startPostgres } from '../support/postgres';
import { benchConfig } from './config';
import { fillHallHistory } from './hall-year';
import type { BenchRow } from './table';

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
    const rows: BenchRow[] = [
      { area: 'reports', metric: `${engine}: history of ${DAYS} days (${tickets} tickets)`, value: `${fillS.toFixed(1)} s to write`, ratio: `${rolled} days rolled up in ${rollS.toFixed(1)} s, once` },
      { area: 'reports', metric: `${engine}: statistics page, today (live)`, value: `${(await page(today)).toFixed(0)} ms`, ratio: 'target < 200 ms' },
      { area: 'reports', metric: `${engine}: statistics page, 30 days`, value: `${(await page(shift(today, -29))).toFixed(0)} ms`, ratio: 'target < 200 ms' },
    ];
    if (!quick) rows.push({ area: 'reports', metric: `${engine}: statistics page, 365 days`, value: `${(await page(shift(today, -364))).toFixed(0)} ms`, ratio: 'target < 200 ms' });
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
