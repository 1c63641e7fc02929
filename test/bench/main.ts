/**
 * `npm run bench`: every area's benchmark, one table. Each row is measured against a baseline in the same
 * run (a bare route, plain encoding, wire time), so the numbers compare across machines as ratios.
 * KIOSK_BENCH_QUICK=1 runs smaller counts (CI smoke); KIOSK_BENCH_AREAS=queue,printer runs only those areas.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable, type BenchRow } from './table';

const ALL_AREAS = ['queue', 'printer', 'idcard', 'evaluation', 'scan', 'queue-pg'];
const only = process.env.KIOSK_BENCH_AREAS?.split(',').filter(Boolean);
const AREAS = only?.length ? ALL_AREAS.filter((a) => only.includes(a)) : ALL_AREAS;

const rows: BenchRow[] = [];
let failed = false;
for (const area of AREAS) {
  const file = path.join(import.meta.dirname, `${area}.ts`);
  if (!existsSync(file)) continue;
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(file).href)) as { bench(): Promise<BenchRow[]> };
    rows.push(...(await mod.bench()));
    console.error(`bench ${area}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    failed = true;
    console.error(`bench ${area} failed: ${(err as Error).stack ?? err}`);
    rows.push({ area, metric: 'FAILED', value: (err as Error).message.slice(0, 60) });
  }
}
printTable(rows);
process.exit(failed ? 1 : 0);
