import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { httpLoad } from './http-load';
import { startDaemonProcess, type DaemonRuntime } from './processes';
import { verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const MiB = 2 ** 20;
const CATEGORIES = 'ABCDEFGH'.split('').map((id, i) => ({ id, name: `事项${i + 1}`, dailyMax: 999 }));

/**
 * RSS idle after start, after a warm-up and after an hour-equivalent soak, each after a full GC, of a daemon
 * in its own process: a kiosk with a simulated printer on SQLite. An hour-equivalent is a busy hall hour's
 * requests at the kiosk, compressed: 400 printed tickets, in batches of 8 (two in flight), each batch with the
 * category list read before it and 8 reads of /api/kiosk after it (about 900 requests; quick: a tenth).
 */
async function measure(runtime: DaemonRuntime) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
  const daemon = await startDaemonProcess({ devices: { printer: { driver: 'simulated' } }, queue: { categories: CATEGORIES }, log: { level: 'silent' } }, dir, { runtime });
  let tickets = 0;
  const hour = async (n: number) => {
    for (let i = 0; i < n; i += 8) {
      await fetch(`${daemon.url}/api/queue/categories`).then((r) => r.arrayBuffer());
      await httpLoad(`${daemon.url}/api/queue/tickets`, () => ({ categoryId: CATEGORIES[tickets++ % CATEGORIES.length]!.id }), 8, 2);
      await Promise.all(Array.from({ length: 8 }, () => fetch(`${daemon.url}/api/kiosk`).then((r) => r.arrayBuffer())));
    }
  };
  try {
    const idle = await daemon.memory(true);
    await hour(quick ? 40 : 200);
    const warm = await daemon.memory(true);
    await hour(quick ? 40 : 400);
    const soak = await daemon.memory(true);
    return { idle, warm, soak, tickets };
  } finally {
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The daemon as `npm start` and the systemd unit run it (compiled by scripts/build-daemon.mjs), beside the same
 * daemon run from its sources through tsx (as before the build step, and as tests run it), with the V8 heap
 * beside each figure to show how much of RSS is JavaScript objects at all. Growth is soak over warm.
 */
export async function bench(): Promise<BenchRow[]> {
  const compiled = await measure('compiled');
  const source = await measure('source');
  const mb = (m: NodeJS.MemoryUsage) => `${(m.rss / MiB).toFixed(0)} MiB`;
  const heap = (m: NodeJS.MemoryUsage) => `heap ${(m.heapUsed / MiB).toFixed(0)} of ${(m.heapTotal / MiB).toFixed(0)} MiB, external ${(m.external / MiB).toFixed(0)} MiB`;
  const vs = (a: NodeJS.MemoryUsage, b: NodeJS.MemoryUsage) => `${(a.rss / b.rss).toFixed(2)} of tsx (${mb(b)}); ${heap(a)}`;
  const growth = (compiled.soak.rss - compiled.warm.rss) / compiled.warm.rss;
  const sourceGrowth = (source.soak.rss - source.warm.rss) / source.warm.rss;
  return [
    { area: 'memory', metric: 'daemon RSS idle (after GC), compiled', value: mb(compiled.idle), ratio: vs(compiled.idle, source.idle) },
    { area: 'memory', metric: 'daemon RSS after warm-up, compiled', value: mb(compiled.warm), ratio: vs(compiled.warm, source.warm), target: verdict('≤ 120 MB steady', compiled.warm.rss <= 120e6) },
    { area: 'memory', metric: `daemon RSS after an hour-equivalent soak${quick ? ' (quick: a tenth)' : ''}, compiled`, value: mb(compiled.soak), ratio: vs(compiled.soak, source.soak), target: verdict('≤ 120 MB steady', compiled.soak.rss <= 120e6) },
    { area: 'memory', metric: 'growth, soak over warm, compiled', value: `${(growth * 100).toFixed(1)} %`, ratio: `tsx ${(sourceGrowth * 100).toFixed(1)} %; ${compiled.tickets} tickets each`, target: verdict('growth ≤ 5 %', growth <= 0.05) },
  ];
}
