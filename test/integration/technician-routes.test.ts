import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startDaemon, TEST_PIN, type Daemon } from './maintenance-helpers';

let d: Daemon;
beforeAll(async () => {
  d = await startDaemon({ devices: {} });
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

describe('technician routes outside /api/maintenance (好差评 export, delivery)', () => {
  it('accept the browser session cookie set by the maintenance login, and refuse without it', async () => {
    const login = await d.app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin: TEST_PIN } });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/Path=\/api;/);
    expect(setCookie).toMatch(/HttpOnly/);
    const cookie = setCookie.split(';')[0]!;

    const without = await d.app.inject('/api/evaluations/export.csv?from=2026-01-01&to=2026-12-31');
    expect(without.statusCode).toBe(401);
    const withCookie = await d.app.inject({ url: '/api/evaluations/export.csv?from=2026-01-01&to=2026-12-31', headers: { cookie } });
    expect(withCookie.statusCode).toBe(200);
    expect(withCookie.body.charCodeAt(0)).toBe(0xfeff); // UTF-8 BOM for Excel
    expect((await d.app.inject({ url: '/api/evaluations/delivery', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuse another origin even with a valid session', async () => {
    const login = await d.app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin: TEST_PIN } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const r = await d.app.inject({ url: '/api/evaluations/delivery', headers: { cookie, origin: 'http://evil.example', host: 'localhost:80' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('ORIGIN_FORBIDDEN');
  });
});
