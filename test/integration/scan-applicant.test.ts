import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { call, pdfFacts, scanPage, startScanApp, type ScanApp } from './scan-support';

/** The cover names the applicant masked, from the ID card on the reader; the store is the hall-wide PostgreSQL. */
let pg: TestPostgres;
let s: ScanApp;
beforeAll(async () => {
  pg = await startPostgres();
  s = await startScanApp({
    devices: { scanner: { driver: 'simulated' }, idReader: { driver: 'simulated' } },
    store: { driver: 'postgres', url: pg.url },
  });
});
afterAll(async () => {
  await s?.close();
  await pg?.stop();
});

async function currentSession(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { body } = await call(s.app, 'GET', '/api/identity/session');
    if (body.session?.sessionId) return body.session.sessionId;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no card session within 5 s');
}

describe('scan submission with an identified applicant, on PostgreSQL', () => {
  it('puts the masked name on the cover and never the full one', async () => {
    expect((await call(s.app, 'POST', '/api/sim/idReader/card', { profile: 'resident' })).status).toBe(200);
    const sessionId = await currentSession();
    const created = await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move', identitySessionId: sessionId });
    expect(created.status).toBe(201);
    const masked = created.body.submission.applicantMasked;
    expect(masked).toBe('张*明'); // profile 'resident' is 张小明 (docs/INTERFACE.md masking)
    await scanPage(s.app, created.body.submission.id, 'id-card');
    await scanPage(s.app, created.body.submission.id, 'move-permit');
    const fin = await call(s.app, 'POST', `/api/scan/submissions/${created.body.submission.id}/finish`);
    expect(fin.status).toBe(200);
    const pdf = pdfFacts(path.join(s.dataDir, 'scans', fin.body.submission.pdf.file));
    expect(pdf.pages).toBe(3);
    expect(pdf.text).toContain(`申请人：`);
    expect(pdf.text).toContain(masked);
    expect(pdf.text).not.toContain('张小明');
    expect(pdf.text).not.toContain('445103');
  });

  it('numbers submissions per hall day without gaps on PostgreSQL, and an ended card session is refused', async () => {
    const a = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission.number;
    const b = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission.number;
    expect(Number(b.slice(-4))).toBe(Number(a.slice(-4)) + 1);
    const stale = await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move', identitySessionId: '00000000-0000-0000-0000-000000000000' });
    expect(stale.body.error.code).toBe('IDENTITY_SESSION_EXPIRED');
  });
});
