import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';
import { verdict, type BenchRow } from './table';

/**
 * 材料扫描: 10 pages from «开始扫描» to the finished PDF, at 150 and 300 dpi, grey, 200 x 200 mm (the SANE
 * test backend's largest area, about two thirds of A4), through the daemon's HTTP API. The baseline is raw
 * scanimage producing the same 10 pages to a pipe in this run: the ratio is what the kiosk adds
 * (decoding, JPEG, thumbnails, store, PDF). The test backend makes a page in ~20 ms where a real scanner
 * takes seconds, so the ratio is a worst case; most of the added time is mozjpeg (chosen: a third smaller
 * than libjpeg-turbo on text pages, and it runs off the event loop while the person turns the page).
 * Peak RSS is sampled while the pages are made (pdfkit parsing the 10 MB CJK font is a good part of it).
 */
const PAGES = process.env.KIOSK_BENCH_QUICK === '1' ? 3 : 10;
const AREA = { left: 0, top: 0, width: 200, height: 200 };

function scanimageOnce(saneDir: string, resolution: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['-d', 'test', '--format=pnm', '--resolution', String(resolution), '--mode', 'Gray', '-x', '200', '-y', '200', '--test-picture', 'Grid'];
    const child = spawn('scanimage', args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, SANE_CONFIG_DIR: saneDir } });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`scanimage exited ${code}`))));
  });
}

async function baselineMs(saneDir: string, resolution: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < PAGES; i++) await scanimageOnce(saneDir, resolution);
  return performance.now() - t0;
}

async function kioskRun(dir: string, resolution: number) {
  const config = await benchConfig({
    devices: { scanner: { driver: 'simulated' } },
    scan: { resolution, area: AREA, mode: 'gray', maxPdfMegabytes: 200 },
    log: { level: 'silent' },
  }, dir);
  const app = buildApp({ config }, { logger: false });
  await app.ready();
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => (await app.inject({ method, url, ...(payload ? { payload } : {}) })).json();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const t0 = performance.now();
    const { submission } = await call('POST', '/api/scan/submissions', { matterId: 'household-move' });
    for (let i = 0; i < PAGES; i++) {
      const { job } = await call('POST', `/api/scan/submissions/${submission.id}/pages`, { materialId: 'id-card' });
      if (!job) throw new Error('scan did not start');
      for (;;) {
        const s = (await call('GET', `/api/scan/submissions/${submission.id}`)).submission;
        if (s.job.state === 'failed') throw new Error(`scan failed: ${s.job.error.code}`);
        if (s.job.id === job.id && s.job.state === 'done') break;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    const fin = await call('POST', `/api/scan/submissions/${submission.id}/finish`);
    const ms = performance.now() - t0;
    return { ms, bytes: fin.submission.pdf.bytes as number, pages: fin.submission.pdf.pages as number, peak };
  } finally {
    clearInterval(sampler);
    await app.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'kiosk-bench-scan-'));
  const saneDir = path.join(root, 'sane');
  mkdirSync(saneDir);
  writeFileSync(path.join(saneDir, 'dll.conf'), 'test\n');
  const rows: BenchRow[] = [];
  try {
    for (const resolution of [150, 300]) {
      await scanimageOnce(saneDir, resolution); // warm the page cache and the backend's libraries
      const base = await baselineMs(saneDir, resolution);
      const rssBefore = process.memoryUsage().rss;
      const run = await kioskRun(path.join(root, `run-${resolution}`), resolution);
      const area = `scan ${resolution} dpi`;
      rows.push(
        {
          area, metric: `${PAGES} pages scan -> PDF`, value: `${(run.ms / 1000).toFixed(2)} s`,
          ratio: `${(run.ms / base).toFixed(2)}x raw scanimage (${(base / 1000).toFixed(2)} s); ${((run.ms - base) / 1000).toFixed(2)} s beyond it`,
          ...(resolution === 300 ? { target: verdict('≤ 1.5 s beyond the scanner', run.ms - base <= 1500) } : {}),
        },
        { area, metric: 'per page', value: `${(run.ms / PAGES).toFixed(0)} ms` },
        { area, metric: `PDF size (${run.pages} pages)`, value: `${(run.bytes / 1024).toFixed(0)} KiB`, ratio: `${((run.bytes / PAGES) / (((200 / 25.4) * resolution) ** 2)).toFixed(3)} of raw grey bytes` },
        {
          area, metric: 'peak RSS', value: `${(run.peak / 2 ** 20).toFixed(0)} MiB`, ratio: `+${((run.peak - rssBefore) / 2 ** 20).toFixed(0)} MiB over start`,
          ...(resolution === 300 ? { target: verdict('≤ 250 MiB', run.peak <= 250 * 2 ** 20) } : {}),
        },
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
