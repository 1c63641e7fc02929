import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, scanPage, startScanApp, type ScanApp } from './scan-support';

/** Faults of the SANE test backend, injected through /api/sim/scanner, each a plain message and a way back. */
describe('scanner faults with the SANE test backend', () => {
  let s: ScanApp;
  beforeAll(async () => {
    s = await startScanApp();
  });
  afterAll(async () => s?.close());

  for (const [fault, code, words] of [
    ['jammed', 'SCANNER_JAMMED', '卡纸'],
    ['no-documents', 'SCANNER_NO_DOCUMENTS', '没有检测到材料'],
    ['cover-open', 'SCANNER_COVER_OPEN', '盖板'],
  ] as const) {
    it(`${fault}: typed error, pages kept, the next scan works once cleared`, async () => {
      const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
      const good = await scanPage(s.app, sub.id, 'id-card');
      expect(good.state).toBe('done');

      expect((await call(s.app, 'POST', '/api/sim/scanner/fault', { fault })).body.fault).toBe(fault);
      const failed = await scanPage(s.app, sub.id, 'id-card');
      expect(failed).toMatchObject({ state: 'failed', error: { code } });
      expect(failed.error.message).toContain(words);
      const health = (await call(s.app, 'GET', '/api/health')).body.devices.scanner;
      expect(health.recentErrors[0].code).toBe(code);
      if (fault !== 'no-documents') expect(health.state).toBe('error');

      const kept = (await call(s.app, 'GET', `/api/scan/submissions/${sub.id}`)).body.submission;
      expect(kept).toMatchObject({ state: 'open', pageCount: 1 });

      await call(s.app, 'POST', '/api/sim/scanner/fault', { fault: 'none' });
      expect((await scanPage(s.app, sub.id, 'id-card')).state).toBe('done');
      expect((await call(s.app, 'GET', '/api/health')).body.devices.scanner.state).toBe('idle');
      expect((await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/finish`)).status).toBe(200);
    });
  }

  it('reports a cleared jam within seconds without a scan, counting the jam once (issue 12 #6)', async () => {
    const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
    await call(s.app, 'POST', '/api/sim/scanner/fault', { fault: 'jammed' });
    expect((await scanPage(s.app, sub.id, 'id-card')).state).toBe('failed');
    const health = async () => (await call(s.app, 'GET', '/api/health')).body.devices.scanner;
    const jams = (await health()).statistics.JamCount;
    await new Promise((r) => setTimeout(r, 4500)); // two re-checks, still jammed
    expect(await health()).toMatchObject({ state: 'error', statistics: { JamCount: jams } });
    await call(s.app, 'POST', '/api/sim/scanner/fault', { fault: 'none' });
    const cleared = Date.now();
    while ((await health()).state !== 'idle' && Date.now() - cleared < 6000) await new Promise((r) => setTimeout(r, 100));
    expect((await health()).state).toBe('idle');
    expect(Date.now() - cleared).toBeLessThan(6000);
    expect((await health()).statistics.JamCount).toBe(jams);
    await call(s.app, 'DELETE', `/api/scan/submissions/${sub.id}`);
  });

  it('a slow scan reports progress, refuses a second scan, and can be cancelled', async () => {
    await call(s.app, 'POST', '/api/sim/scanner/speed', { readDelayUs: 50000 });
    const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
    const start = await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/pages`, { materialId: 'id-card' });
    expect(start.status).toBe(202);
    expect((await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/pages`, { materialId: 'id-card' })).body.error.code).toBe('SCANNER_BUSY');
    let job;
    for (let i = 0; i < 100; i++) {
      job = (await call(s.app, 'GET', `/api/scan/submissions/${sub.id}`)).body.submission.job;
      if (job.percent > 0 || job.state !== 'scanning') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job.state).toBe('scanning');
    expect(job.percent).toBeGreaterThan(0);
    expect(job.percent).toBeLessThan(100);
    const cancelled = (await call(s.app, 'DELETE', `/api/scan/submissions/${sub.id}/job`)).body.submission;
    expect(cancelled.job).toMatchObject({ state: 'failed', error: { code: 'SCANNER_CANCELLED' } });
    await call(s.app, 'POST', '/api/sim/scanner/speed', { readDelayUs: 0 });
    expect((await scanPage(s.app, sub.id, 'id-card')).state).toBe('done');
  });
});

describe('scanner configured as {driver:"sane"}', () => {
  let saneDir: string;
  const previous = process.env.SANE_CONFIG_DIR;
  beforeAll(() => {
    saneDir = mkdtempSync(path.join(tmpdir(), 'kiosk-sane-'));
    writeFileSync(path.join(saneDir, 'dll.conf'), 'test\n');
    process.env.SANE_CONFIG_DIR = saneDir; // the spawned scanimage inherits it
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.SANE_CONFIG_DIR;
    else process.env.SANE_CONFIG_DIR = previous;
    rmSync(saneDir, { recursive: true, force: true });
  });

  it('drives a listed SANE device, and no sim routes exist for a real device', async () => {
    const s = await startScanApp({ devices: { scanner: { driver: 'sane', device: 'test:1' } } });
    try {
      expect((await call(s.app, 'GET', '/api/health')).body.devices.scanner).toMatchObject({ state: 'idle', simulated: false });
      const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
      expect(await scanPage(s.app, sub.id, 'id-card')).toMatchObject({ state: 'done' });
      expect((await call(s.app, 'POST', '/api/sim/scanner/fault', { fault: 'jammed' })).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('a device that is not there is offline, and a scan says SCANNER_MISSING', async () => {
    const s = await startScanApp({ devices: { scanner: { driver: 'sane', device: 'nosuch:0' } } });
    try {
      expect((await call(s.app, 'GET', '/api/health')).body.devices.scanner.state).toBe('offline');
      const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
      expect(await scanPage(s.app, sub.id, 'id-card')).toMatchObject({ state: 'failed', error: { code: 'SCANNER_MISSING' } });
    } finally {
      await s.close();
    }
  });
});

describe('limits, printer trouble and retention', () => {
  it('refuses a page past maxPages, keeps the PDF when the printer is out of paper', async () => {
    const s = await startScanApp({ devices: { scanner: { driver: 'simulated' }, printer: { driver: 'simulated' } }, scan: { maxPages: 2 } });
    try {
      const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
      await scanPage(s.app, sub.id, 'id-card');
      await scanPage(s.app, sub.id, 'id-card');
      const third = await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/pages`, { materialId: 'household-book' });
      expect(third.body.error).toMatchObject({ code: 'SCAN_PAGE_LIMIT', maxPages: 2 });
      await call(s.app, 'POST', '/api/sim/printer/state', { paper: 'out' });
      const fin = await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/finish`);
      expect(fin.status).toBe(200);
      expect(fin.body.receipt.printed).toBe(false);
      expect(fin.body.receipt.error.message).toContain('提交编号');
      expect(existsSync(path.join(s.dataDir, 'scans', `${sub.number}.pdf`))).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('deletes abandoned open submissions and PDFs past the retention days', async () => {
    let now = new Date('2025-03-03T02:00:00Z');
    const s = await startScanApp({ clock: { now: () => now }, scan: { retentionDays: 7, abandonAfterMinutes: 30 } });
    try {
      const done = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
      await scanPage(s.app, done.id, 'id-card');
      const fin = await call(s.app, 'POST', `/api/scan/submissions/${done.id}/finish`);
      expect(fin.body.receipt.error).toMatchObject({ code: 'PRINTER_NOT_READY', message: '本机未配置打印机，请记下提交编号' });
      const left = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
      await scanPage(s.app, left.id, 'id-card');
      const pdf = path.join(s.dataDir, 'scans', `${done.number}.pdf`);

      now = new Date('2025-03-03T02:31:00Z');
      expect(await s.app.scan.sweep()).toEqual({ abandoned: 1, expired: 0 });
      expect(existsSync(path.join(s.dataDir, 'scans', 'work', left.id))).toBe(false);
      expect(existsSync(pdf)).toBe(true);

      now = new Date('2025-03-10T02:01:00Z');
      expect(await s.app.scan.sweep()).toEqual({ abandoned: 0, expired: 1 });
      expect(existsSync(pdf)).toBe(false);
      expect((await call(s.app, 'GET', `/api/scan/submissions/${done.id}`)).body.submission).toMatchObject({ state: 'expired', pdf: null });
    } finally {
      await s.close();
    }
  });
});
