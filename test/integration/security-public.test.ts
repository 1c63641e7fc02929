import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Voice } from '../../device-daemon/src/hall/voice';
import { removeDir, startDaemon, type Daemon } from './maintenance-helpers';

/**
 * Issue 12 #9: internals in public answers (the data folder in /api/health, ENOENT in the voice error,
 * Fastify's FST_* codes, a 431 of another shape), and the log line per request.
 */
const INTERNALS = /FST_|ENOENT|espeak|fastify|kiosk-maint-|\/tmp\/|\/dev\/|node_modules|statusCode/i;
let d: Daemon;
let uiDir: string;
let port = 0;

beforeAll(async () => {
  uiDir = mkdtempSync(path.join(tmpdir(), 'kiosk-ui-'));
  writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  d = await startDaemon({ devices: { scanner: { driver: 'simulated' }, printer: { driver: 'simulated' } } }, undefined, undefined, { uiDir });
  await d.app.listen({ port: 0, host: '127.0.0.1' });
  const a = d.app.server.address();
  port = typeof a === 'object' && a ? a.port : 0;
});
afterAll(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  rmSync(uiDir, { recursive: true, force: true });
});

/** One raw HTTP exchange, for what fetch and inject cannot send (oversized headers, odd paths). */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (c) => (out += c));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
  });
}

const errorShape = { error: { code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/), message: expect.any(String) } };

describe('public answers', () => {
  it('/api/health shows no data folder, device path or error text; the technician view keeps them', async () => {
    const body = (await d.app.inject('/api/health')).body;
    expect(body).not.toContain(d.dataDir);
    expect(body).not.toMatch(INTERNALS);
    expect(JSON.parse(body).devices.scanner).toMatchObject({ state: 'idle', recentErrors: [] });
  });

  it.each([
    ['body too large', { method: 'POST', url: '/api/queue/tickets', headers: { 'content-type': 'application/json' }, payload: `"${'x'.repeat(1_100_000)}"` }, 413, 'BODY_TOO_LARGE'],
    ['wrong media type', { method: 'POST', url: '/api/queue/tickets', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['bad JSON', { method: 'POST', url: '/api/queue/tickets', headers: { 'content-type': 'application/json' }, payload: '{"a":' }, 400, 'INVALID_REQUEST'],
    ['no route', { method: 'GET', url: '/api/no/such/route' }, 404, 'NOT_FOUND'],
  ] as const)('%s: our code in the documented shape', async (_name, req, status, code) => {
    const res = await d.app.inject(req as never);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject(errorShape);
    expect(res.json().error.code).toBe(code);
    expect(res.body).not.toMatch(INTERNALS);
  });

  it('a forbidden static path and oversized headers answer in the documented shape', async () => {
    const dotted = await raw(`GET /assets/a/../b.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(dotted).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(dotted).not.toMatch(INTERNALS);
    expect(JSON.parse(dotted.slice(dotted.indexOf('\r\n\r\n') + 4))).toMatchObject(errorShape);
    const big = await raw(`GET /api/kiosk HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431/);
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } });
  });

  it('the voice error names no program or errno', async () => {
    const err = await new Voice('/nonexistent/espeak-ng').speak('请A001号').catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'VOICE_UNAVAILABLE', status: 503 });
    expect((err as Error).message).not.toMatch(INTERNALS);
  });
});

describe('logs', () => {
  it('write no line for ordinary requests at info, whatever their number', async () => {
    const before = d.ring.texts().length;
    for (let i = 0; i < 50; i += 1) await d.app.inject('/api/queue/categories');
    await d.app.inject('/api/no/such/route');
    const lines = d.ring.texts().slice(before);
    expect(lines.filter((l) => /incoming request|request completed|"route"/.test(l))).toEqual([]);
  });
});
