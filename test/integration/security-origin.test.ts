import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';

/**
 * Issue 12 #4: Origin was compared with Host, which the attacker sets, so a page on a rebound name
 * (evil.example -> 127.0.0.1) reached the API and the WebSocket. Host must be loopback or configured; Origin
 * must then be that same scheme://host, or a configured origin.
 */
let app: FastifyInstance;
let dir: string;
let port = 0;

beforeAll(async () => {
  ({ app, dataDir: dir } = await startDaemon({
    devices: {},
    hall: { publicBaseUrl: 'https://hall.example' },
    server: { allowedHosts: ['10.0.0.5'], allowedOrigins: ['https://display.example'] },
  }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  port = typeof a === 'object' && a ? a.port : 0;
});
afterAll(async () => {
  await app?.close();
  if (dir) removeDir(dir);
});

function get(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/kiosk', headers: { connection: 'close', ...headers }, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function socket(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

describe('Host and Origin allow-list', () => {
  it('answers loopback, configured hosts and the public base URL host', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, '10.0.0.5:8080', 'hall.example']) {
      expect((await get({ host })).status, host).toBe(200);
    }
  });

  it('refuses a rebound name on HTTP even with a matching Origin, and says nothing of the header back', async () => {
    const r = await get({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('HOST_FORBIDDEN');
    expect(r.body).not.toContain('evil');
    expect((await get({ host: 'evil.hall.example' })).status).toBe(403); // a name under the public one is another name
    // A phone through the hall's HTTPS proxy: plain HTTP to the daemon, the public origin by name.
    expect((await get({ host: 'hall.example', origin: 'https://hall.example' })).status).toBe(200);
    expect((await get({ host: 'hall.example', origin: 'https://hall.example:8443' })).status).toBe(403);
  });

  it('keeps each Host decision however often the header comes back (decisions are remembered by value)', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await get({ host: `evil.example:${port}` })).status).toBe(403);
      expect((await get({ host: `127.0.0.1:${port}` })).status).toBe(200);
      // An allowed Host does not let a foreign Origin through.
      expect((await get({ host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).status).toBe(403);
    }
  });

  it('refuses an Origin of another scheme, host or port, and allows a configured one', async () => {
    const host = `127.0.0.1:${port}`;
    expect((await get({ host, origin: `http://${host}` })).status).toBe(200);
    expect((await get({ host, origin: 'https://display.example' })).status).toBe(200);
    for (const origin of [`https://${host}`, 'http://127.0.0.1:1', 'http://evil.example', 'null']) {
      const r = await get({ host, origin });
      expect(r.status, origin).toBe(403);
      expect(JSON.parse(r.body).error.code).toBe('ORIGIN_FORBIDDEN');
    }
  });

  it('applies the same rules to the WebSocket handshake', async () => {
    expect(await socket({ origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await socket({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe(403);
    expect(await socket({ origin: `https://127.0.0.1:${port}` })).toBe(403);
  });
});
