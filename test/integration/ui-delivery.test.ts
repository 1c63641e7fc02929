import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startDaemon, type Daemon } from './maintenance-helpers';

/**
 * Issue 11 #14 (and the phone page of #10): the UI and JSON went out uncompressed and without cache headers.
 * A built UI folder in miniature: a hashed asset with the .br/.gz copies the build writes beside it.
 */
const SCRIPT = `console.log(${JSON.stringify('首页 '.repeat(2000))});`;
let d: Daemon;
let uiDir: string;

beforeAll(async () => {
  uiDir = mkdtempSync(path.join(tmpdir(), 'kiosk-ui-'));
  mkdirSync(path.join(uiDir, 'assets'));
  // As the build writes them: index.html with home prerendered, page.html the same with an empty root.
  const html = (root: string) => `<!doctype html><title>kiosk</title><script src="/assets/index-AbC123.js"></script><div id="root">${root}</div>${' '.repeat(2000)}`;
  writeFileSync(path.join(uiDir, 'index.html'), html('<section aria-label="首页"></section>'));
  writeFileSync(path.join(uiDir, 'page.html'), html(''));
  const asset = path.join(uiDir, 'assets/index-AbC123.js');
  writeFileSync(asset, SCRIPT);
  writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
  d = await startDaemon({ devices: { printer: { driver: 'simulated' } } }, undefined, undefined, { uiDir });
});
afterAll(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  rmSync(uiDir, { recursive: true, force: true });
});

describe('UI assets and JSON go out compressed and cacheable', () => {
  it('sends the prebuilt brotli copy of a hashed asset, cached for a year', async () => {
    const res = await d.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client without brotli and the plain file to one without either', async () => {
    const gz = await d.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await d.app.inject({ url: '/assets/index-AbC123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('revalidates index.html (at / and at a deep link such as the phone page) and compresses it', async () => {
    for (const url of ['/', '/m/t/0b7d2c1e-4f7a-4b8e-9d5e-123456789012', '/display']) {
      const res = await d.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('<title>kiosk</title>');
    }
  });

  it('draws the kiosk home from HTML at / only: the display, counter and phone pages get the empty page', async () => {
    for (const url of ['/', '/?lang=zh', '/index.html']) expect((await d.app.inject({ url })).body, url).toContain('<div id="root"><section');
    for (const url of ['/display', '/counter/3', '/m/t/0b7d2c1e-4f7a-4b8e-9d5e-123456789012', '/manage']) {
      expect((await d.app.inject({ url })).body, url).toContain('<div id="root"></div>');
    }
  });

  it('compresses JSON answers above a kilobyte (the category list the phone and kiosk poll)', async () => {
    const res = await d.app.inject({ url: '/api/queue/categories', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toBeTruthy();
    const small = await d.app.inject({ url: '/api/queue/tickets/none', headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toMatchObject({ error: { code: expect.any(String) } });
  });
});
