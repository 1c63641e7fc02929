import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, pdfFacts, startScanApp, type ScanApp } from './scan-support';

/**
 * Issue 16: scanning keeps pace with the scanner. The scanner takes the next page while the last one is
 * still being compressed ('processing'), pages keep the order they were scanned in, and «完成» pressed right
 * after the last page left the scanner still puts every page in the PDF. mozjpeg at 300 dpi makes the
 * processing long enough to be seen.
 */
let s: ScanApp;
beforeAll(async () => {
  s = await startScanApp({ scan: { resolution: 300, jpegCompression: 'smallest' } });
});
afterAll(async () => s?.close());

describe('scan pipeline', () => {
  it('scans the next page while the last is processed, keeps their order, and «完成» waits for them', async () => {
    const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
    const stored: string[] = [];
    const pageOf = new Map<string, string>();
    const unsubscribe = s.app.events.subscribe((e) => {
      if (e.type !== 'scan.page' || e.state !== 'done') return;
      stored.push(e.jobId);
      pageOf.set(e.jobId, e.pageId!);
    });
    const jobs: string[] = [];
    let startedWhileProcessing = 0;
    for (let i = 0; i < 4; i++) {
      const started = await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/pages`, { materialId: 'id-card' });
      expect(started.status).toBe(202);
      jobs.push(started.body.job.id);
      if (i > 0 && stored.length < i) startedWhileProcessing++;
      for (;;) {
        const job = (await call(s.app, 'GET', `/api/scan/submissions/${sub.id}`)).body.submission.job;
        expect(job.state).not.toBe('failed');
        if (job.id === started.body.job.id && job.state !== 'scanning') break;
        await new Promise((r) => setTimeout(r, 2));
      }
    }
    expect(startedWhileProcessing).toBeGreaterThan(0);

    const fin = await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/finish`);
    unsubscribe();
    expect(fin.status).toBe(200);
    expect(fin.body.submission.pdf.pages).toBe(5);
    expect(pdfFacts(path.join(s.dataDir, 'scans', `${sub.number}.pdf`)).pages).toBe(5);
    // stored in the order scanned, and the material lists its pages in that order
    expect(stored).toEqual(jobs);
    expect(fin.body.submission.materials[0].pages.map((p: { id: string }) => p.id)).toEqual(jobs.map((j) => pageOf.get(j)));
  });
});
