import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { httpLoad } from './http-load';
import { startDaemonProcess } from './processes';
import { verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const MiB = 2 ** 20;

/**
 * The daemon's memory in its own process (as `npm start` runs it: TypeScript through tsx), a kiosk with a
 * simulated printer on SQLite: RSS idle after start, after a warm-up, and after an hour-equivalent soak,
 * each after a full GC, with the V8 heap beside it to show how much of RSS is JavaScript objects at all.
 * An hour-equivalent is a busy hall hour's requests at the kiosk, compressed: 400 printed tickets, in batches
 * of 8 (two in flight), each batch with the category list read before it and 8 reads of /api/kiosk after it
 * (about 900 requests; quick: a tenth). Growth is soak over warm.
 */
export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-memory-'));
  const categories = 'ABCDEFGH'.split('').map((id, i) => ({ id, name: `事项${i + 1}`, dailyMax: 999 }));
  const daemon = await startDaemonProcess({ devices: { printer: { driver: 'simulated' } }, queue: { categories }, log: { level: 'silent' } }, dir);
  let n = 0;
  const hour = async (tickets: number) => {
    for (let i = 0; i < tickets; i += 8) {
      await fetch(`${daemon.url}/api/queue/categories`).then((r) => r.arrayBuffer());
      await httpLoad(`${daemon.url}/api/queue/tickets`, () => ({ categoryId: categories[n++ % categories.length]!.id }), 8, 2);
      await Promise.all(Array.from({ length: 8 }, () => fetch(`${daemon.url}/api/kiosk`).then((r) => r.arrayBuffer())));
    }
  };
  try {
    const idle = await daemon.memory(true);
    await hour(quick ? 40 : 200);
    const warm = await daemon.memory(true);
    await hour(quick ? 40 : 400);
    const soak = await daemon.memory(true);
    const growth = (soak.rss - warm.rss) / warm.rss;
    const mb = (m: NodeJS.MemoryUsage) => `${(m.rss / MiB).toFixed(0)} MiB`;
    const heap = (m: NodeJS.MemoryUsage) => `heap ${(m.heapUsed / MiB).toFixed(0)} of ${(m.heapTotal / MiB).toFixed(0)} MiB, external ${(m.external / MiB).toFixed(0)} MiB`;
    return [
      { area: 'memory', metric: 'daemon RSS idle (after GC)', value: mb(idle), ratio: heap(idle) },
      { area: 'memory', metric: 'daemon RSS after warm-up', value: mb(warm), ratio: heap(warm), target: verdict('≤ 120 MB steady', warm.rss <= 120e6) },
      { area: 'memory', metric: `daemon RSS after an hour-equivalent soak${quick ? ' (quick: a tenth)' : ''}`, value: mb(soak), ratio: heap(soak), target: verdict('growth ≤ 5 %', growth <= 0.05) },
      { area: 'memory', metric: 'growth, soak over warm', value: `${(growth * 100).toFixed(1)} %`, ratio: `${n} tickets in all` },
    ];
  } finally {
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
