/**
 * `npm run bench`: every area's benchmark, one table. Each row is measured against a baseline in the same
 * run (a bare route, plain encoding, wire time), so the numbers compare across machines as ratios.
 * KIOSK_BENCH_QUICK=1 runs smaller counts (CI smoke); KIOSK_BENCH_AREAS=queue,printer runs only those areas.
 * The table is also written as JSON under bench-results/; `--compare <file>` prints each figure's change since it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printTable, type BenchRow } from './table';
import { compareRows, readResults, writeResults } from './results';

const ALL_AREAS = ['queue', 'printer', 'idcard', 'evaluation', 'scan', 'queue-pg', 'hall-wide', 'memory', 'ui', 'appointments', 'estimate', 'reports'];
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
const compareArg = process.argv.indexOf('--compare');
const compareWith = compareArg > 0 ? process.argv[compareArg + 1] : process.env.KIOSK_BENCH_COMPARE;
// Read the previous file before writing this run's, which replaces latest.json.
const previous = compareWith && existsSync(compareWith) ? readResults(compareWith) : undefined;
const written = writeResults(rows, process.env.KIOSK_BENCH_QUICK === '1');
console.error(`bench: results written to ${written}`);
if (previous) {
  console.log(`\nChange since ${compareWith} (${previous.at}${previous.quick ? ', quick' : ''}):`);
  printTable(compareRows(previous, rows));
} else if (compareWith) console.error(`bench: nothing to compare: ${compareWith} does not exist`);
process.exit(failed ? 1 : 0);
