import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, pdfFacts, scanPage, startScanApp, type ScanApp } from './scan-support';

/**
 * 材料扫描 end to end over HTTP, scanned from the SANE `test` backend through the real scanimage
 * (sane-utils), with the simulated ESC/POS printer for the receipt.
 */
let s: ScanApp;
beforeAll(async () => {
  s = await startScanApp({ devices: { scanner: { driver: 'simulated' }, printer: { driver: 'simulated' } } });
});
afterAll(async () => s?.close());

describe('scan flow with the SANE test backend', () => {
  it('lists matters with their required materials (一次性告知)', async () => {
    const { status, body } = await call(s.app, 'GET', '/api/scan/matters');
    expect(status).toBe(200);
    const move = body.matters.find((m: { id: string }) => m.id === 'household-move');
    expect(move.materials.map((m: { name: string }) => m.name)).toEqual(['居民身份证', '居民户口簿', '准予迁入证明']);
  });

  it('scans, retakes, reorders and deletes pages, then makes a PDF with a Chinese cover and prints the receipt', async () => {
    expect((await call(s.app, 'GET', '/api/health')).body.devices.scanner).toMatchObject({ state: 'idle', simulated: true, driver: 'simulated' });
    const created = await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' });
    expect(created.status).toBe(201);
    const sub = created.body.submission;
    expect(sub.number).toMatch(/^SM\d{8}-\d{4}$/);

    const a = await scanPage(s.app, sub.id, 'id-card');
    const b = await scanPage(s.app, sub.id, 'id-card');
    const c = await scanPage(s.app, sub.id, 'household-book');
    expect([a.state, b.state, c.state]).toEqual(['done', 'done', 'done']);

    const retake = await scanPage(s.app, sub.id, 'id-card', a.pageId);
    expect(retake.state).toBe('done');
    let view = (await call(s.app, 'GET', `/api/scan/submissions/${sub.id}`)).body.submission;
    expect(view.materials[0].pages.map((p: { id: string }) => p.id)).toEqual([retake.pageId, b.pageId]);
    // 80 x 100 mm (the test backend's default area) at 100 dpi
    expect(view.materials[0].pages[0]).toMatchObject({ width: 314, height: 393, resolution: 100 });

    const thumb = await s.app.inject({ method: 'GET', url: view.materials[0].pages[0].thumbnailUrl });
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const reordered = await call(s.app, 'PUT', `/api/scan/submissions/${sub.id}/materials/id-card/order`, { pageIds: [b.pageId, retake.pageId] });
    expect(reordered.body.submission.materials[0].pages.map((p: { id: string }) => p.id)).toEqual([b.pageId, retake.pageId]);
    const badOrder = await call(s.app, 'PUT', `/api/scan/submissions/${sub.id}/materials/id-card/order`, { pageIds: [b.pageId] });
    expect(badOrder.body.error.code).toBe('PAGE_ORDER_INVALID');

    const extra = await scanPage(s.app, sub.id, 'household-book');
    view = (await call(s.app, 'DELETE', `/api/scan/submissions/${sub.id}/pages/${extra.pageId}`)).body.submission;
    expect(view.pageCount).toBe(3);

    const fin = await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/finish`);
    expect(fin.status).toBe(200);
    expect(fin.body.receipt).toEqual({ printed: true });
    expect(fin.body.submission).toMatchObject({ state: 'finished', pdf: { file: `${sub.number}.pdf`, pages: 4 } });

    const file = path.join(s.dataDir, 'scans', `${sub.number}.pdf`);
    const pdf = pdfFacts(file);
    expect(pdf.pages).toBe(4);
    for (const words of ['材料扫描件', '户口迁移登记', sub.number, '居民身份证', '居民户口簿', '准予迁入证明', '未提交', '第 2–3 页', '潮安区政务服务中心']) {
      expect(pdf.text).toContain(words);
    }
    // nothing half-written left behind, and the page images are gone with the open submission
    expect(readdirSync(path.join(s.dataDir, 'scans')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(path.join(s.dataDir, 'scans', 'work', sub.id))).toBe(false);

    const printed = (await call(s.app, 'GET', '/api/sim/printer/receipts')).body.receipts.at(-1);
    expect(printed.lines.join('\n')).toContain(sub.number);
    expect(printed.lines.join('\n')).toContain('共 3 页');
    expect(printed.qr).toContain(sub.number);

    expect((await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/pages`, { materialId: 'id-card' })).body.error.code).toBe('SUBMISSION_CLOSED');

    // Issue 12 #5: the finished submission still lists its pages, whose images are gone: 404, not 500.
    const gone = await call(s.app, 'GET', fin.body.submission.materials[0].pages[0].thumbnailUrl);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('PAGE_IMAGE_GONE');
    expect(JSON.stringify(gone.body)).not.toMatch(/ENOENT|\/tmp|scans/);
  });

  it('discards an open submission and its images when the page times out (DELETE)', async () => {
    const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'social-security-card' })).body.submission;
    await scanPage(s.app, sub.id, 'id-card');
    expect(existsSync(path.join(s.dataDir, 'scans', 'work', sub.id))).toBe(true);
    expect((await call(s.app, 'DELETE', `/api/scan/submissions/${sub.id}`)).status).toBe(204);
    expect(existsSync(path.join(s.dataDir, 'scans', 'work', sub.id))).toBe(false);
    expect((await call(s.app, 'GET', `/api/scan/submissions/${sub.id}`)).body.error.code).toBe('SUBMISSION_NOT_FOUND');
  });

  it('refuses what it cannot do with a clear code', async () => {
    expect((await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'no-such-matter' })).body.error.code).toBe('MATTER_NOT_FOUND');
    expect((await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move', name: 'x' })).status).toBe(400);
    const sub = (await call(s.app, 'POST', '/api/scan/submissions', { matterId: 'household-move' })).body.submission;
    expect((await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/finish`)).body.error.code).toBe('SCAN_NO_PAGES');
    expect((await call(s.app, 'POST', `/api/scan/submissions/${sub.id}/pages`, { materialId: 'nope' })).body.error.code).toBe('MATERIAL_NOT_FOUND');
  });
});
