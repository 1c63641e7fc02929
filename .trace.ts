import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from './device-daemon/src/app';
import { benchConfig } from './test/bench/config';
const dir = mkdtempSync(path.join(tmpdir(), 'trace-'));
const config = await benchConfig({ devices: { scanner: { driver: 'simulated' } }, scan: { resolution: Number(process.argv[2] ?? 300), area: { left: 0, top: 0, width: 200, height: 200 }, mode: 'gray', maxPdfMegabytes: 200, jpegCompression: process.argv[3] ?? 'fast' }, log: { level: 'silent' } }, dir);
const app = buildApp({ config }, { logger: false });
await app.ready();
const t = new Map<string, Record<string, number>>();
const T0 = performance.now();
app.events.subscribe((e: any) => {
  const now = performance.now() - T0;
  if (e.type === 'scan.progress' && e.state === 'processing') t.get(e.jobId)!.scanned = now;
  if (e.type === 'scan.page') { t.get(e.jobId)!.stored = now; mem('stored'); }
});
const call = async (method: any, url: string, payload?: object) => (await app.inject({ method, url, ...(payload ? { payload } : {}) })).json();
const { submission } = await call('POST', '/api/scan/submissions', { matterId: 'household-move' });
const mem = (l: string) => { const m = process.memoryUsage(); console.log(l.padEnd(12), 'rss', (m.rss / 2 ** 20).toFixed(0), 'heap', (m.heapUsed / 2 ** 20).toFixed(0), 'ext', (m.external / 2 ** 20).toFixed(0), 'ab', (m.arrayBuffers / 2 ** 20).toFixed(0)); };
mem('start');
const N = Number(process.argv[4] ?? 10);
for (let i = 0; i < N; i++) {
  const start = performance.now() - T0;
  const { job } = await call('POST', `/api/scan/submissions/${submission.id}/pages`, { materialId: 'id-card' });
  t.set(job.id, { start });
  while (!t.get(job.id)!.scanned && !t.get(job.id)!.stored) await new Promise((r) => setTimeout(r, 5));
}
const f0 = performance.now() - T0;
const fin = await call('POST', `/api/scan/submissions/${submission.id}/finish`);
const f1 = performance.now() - T0;
mem('finished');
for (const [, v] of t) console.log(`start ${v.start.toFixed(0)} scanned +${(v.scanned - v.start).toFixed(0)} stored +${(v.stored - v.scanned).toFixed(0)} (at ${v.stored.toFixed(0)})`);
console.log('finish called', f0.toFixed(0), 'took', (f1 - f0).toFixed(0), fin.submission.pdf);
await app.close();
