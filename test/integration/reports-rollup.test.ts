import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { fillHallHistory } from '../bench/hall-year';
import { hallConfig } from '../support/hall';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { removeDir } from './maintenance-helpers';

/** Noon on 2026-12-01 in the hall: 75 generated days from 09-18 cover a partial month, two whole ones and today. */
const clock = { now: () => new Date('2026-12-01T04:00:00Z') };
const RANGES = [
  ['2026-09-18', '2026-12-01'], ['2026-10-01', '2026-10-31'], ['2026-09-20', '2026-11-15'],
  ['2026-11-30', '2026-12-01'], ['2026-12-01', '2026-12-01'], ['2026-10-31', '2026-11-01'],
];

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('statistics from daily and monthly rollups on %s', (engine) => {
  let app: FastifyInstance;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-rollup-'));
    const store = engine === 'sqlite' ? { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') } : { driver: 'postgres', url: pg.url };
    app = buildApp({ config: parseConfig(hallConfig(store, { hall: { name: '测试大厅', timezone: 'Asia/Shanghai' } }), dataDir), clock }, { logger: false });
    await app.ready();
    await fillHallHistory(app.store, '2026-12-01', 75, 40, 16);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it.each(RANGES)('answers %s … %s exactly as counting every ticket and rating does', async (from, to) => {
    const raw = await app.reports.rawStatistics(from, to);
    expect(raw.totals.issued).toBeGreaterThan(0);
    expect(await app.reports.statistics(from, to)).toEqual(raw);
    // A second time from the stored rollups only.
    expect(await app.reports.statistics(from, to)).toEqual(raw);
  });

  it('keeps closed months as one rollup each, and never rolls up today', async () => {
    const periods = (await app.store.query<{ period: string }>('SELECT period FROM report_periods ORDER BY period')).map((r) => r.period);
    expect(periods).toContain('2026-10');
    expect(periods).toContain('2026-11');
    expect(periods).not.toContain('2026-09');
    expect(periods).not.toContain('2026-12-01');
  });
});
