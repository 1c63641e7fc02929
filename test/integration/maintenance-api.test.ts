import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LOCKOUT_MS } from '../../device-daemon/src/maintenance/sessions';
import { login, removeDir, startDaemon, TEST_PIN, type Daemon } from './maintenance-helpers';

/** The maintenance API on a daemon with a simulated keypad: sessions, lockout, log tail, system, bundle, watchdog. */
let d: Daemon;
beforeAll(async () => {
  d = await startDaemon({ devices: { keypad: { driver: 'simulated' } } });
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

const PROTECTED: { method: 'GET' | 'POST'; url: string; payload?: object }[] = [
  { method: 'GET', url: '/api/maintenance/devices' },
  { method: 'GET', url: '/api/maintenance/devices/keypad' },
  { method: 'POST', url: '/api/maintenance/devices/keypad/health', payload: { level: 'internal' } },
  { method: 'GET', url: '/api/maintenance/log' },
  { method: 'GET', url: '/api/maintenance/system' },
  { method: 'GET', url: '/api/maintenance/bundle' },
  { method: 'POST', url: '/api/maintenance/logout' },
];

describe('maintenance API without a session', () => {
  it.each(PROTECTED)('$method $url -> 401', async (route) => {
    const res = await d.app.inject(route);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('MAINTENANCE_SESSION_REQUIRED');
  });

  it('refuses a forged token and a malformed header', async () => {
    for (const authorization of ['Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'Basic x', `Bearer ${TEST_PIN}`]) {
      const res = await d.app.inject({ url: '/api/maintenance/devices', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('maintenance login', () => {
  it('locks after five wrong PINs for five minutes, then lets the right PIN in', async () => {
    const attempt = (pin: string) => d.app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin } });
    for (let i = 1; i <= 4; i += 1) {
      const res = await attempt('000000');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'PIN_WRONG', attemptsLeft: 5 - i });
    }
    const fifth = await attempt('000000');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({ code: 'PIN_LOCKED', retryAfterSeconds: 300 });
    expect((await attempt(TEST_PIN)).statusCode).toBe(429);
    d.clock.advance(LOCKOUT_MS - 1);
    expect((await attempt(TEST_PIN)).statusCode).toBe(429);
    d.clock.advance(1);
    const ok = await attempt(TEST_PIN);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['set-cookie']).toMatch(/^kiosk_maintenance=[\w-]+; Path=\/api; HttpOnly; SameSite=Strict$/);
  });

  it('ends a session after inactivity; the cookie and the bearer header both carry it', async () => {
    const res = await d.app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin: TEST_PIN } });
    const { token, expiresInSeconds } = res.json<{ token: string; expiresInSeconds: number }>();
    expect(expiresInSeconds).toBe(180);
    const cookie = `kiosk_maintenance=${token}`;
    expect((await d.app.inject({ url: '/api/maintenance/devices', headers: { cookie } })).statusCode).toBe(200);
    d.clock.advance(179_000);
    expect((await d.app.inject({ url: '/api/maintenance/devices', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    d.clock.advance(181_000);
    const expired = await d.app.inject({ url: '/api/maintenance/devices', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('MAINTENANCE_SESSION_EXPIRED');
  });

  it('logout ends the session and clears the cookie', async () => {
    const headers = await login(d.app);
    const out = await d.app.inject({ method: 'POST', url: '/api/maintenance/logout', headers });
    expect(out.statusCode).toBe(204);
    expect(out.headers['set-cookie']).toContain('Max-Age=0');
    expect((await d.app.inject({ url: '/api/maintenance/devices', headers })).statusCode).toBe(401);
  });

  it('refuses another origin even with a valid session', async () => {
    const headers = { ...(await login(d.app)), origin: 'http://127.0.0.1:9999', host: '127.0.0.1:8080' };
    const res = await d.app.inject({ url: '/api/maintenance/devices', headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_FORBIDDEN');
  });

  it('refuses a malformed login body with 400 naming the field', async () => {
    const res = await d.app.inject({ method: 'POST', url: '/api/maintenance/login', payload: { pin: 1234 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('pin');
  });
});

describe('maintenance facts', () => {
  it('lists the fitted devices with state, statistics and recent errors', async () => {
    const res = await d.app.inject({ url: '/api/maintenance/devices', headers: await login(d.app) });
    const { devices } = res.json<{ devices: { name: string; state: string; simulated: boolean; statistics: object; recentErrors: unknown[] }[] }>();
    expect(devices.map((x) => x.name)).toEqual(['keypad']);
    expect(devices[0]).toMatchObject({ state: 'idle', simulated: true, statistics: expect.any(Object), recentErrors: expect.any(Array) });
    const missing = await d.app.inject({ url: '/api/maintenance/devices/printer', headers: await login(d.app) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('DEVICE_NOT_FITTED');
  });

  it('serves a redacted log tail', async () => {
    d.app.log.warn({ note: 'card 440102199003071236 for 张小明' }, 'a careless line');
    const res = await d.app.inject({ url: '/api/maintenance/log?limit=50', headers: await login(d.app) });
    const { lines } = res.json<{ lines: { msg?: string; level?: string; text: string }[] }>();
    const careless = lines.find((l) => l.msg === 'a careless line');
    expect(careless?.level).toBe('warn');
    expect(careless?.text).toContain('[redacted]');
    expect(JSON.stringify(lines)).not.toContain('440102199003071236');
    expect(lines.some((l) => l.msg === 'maintenance login')).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(50);
  });

  it('reports system facts: version, uptime, disk, store integrity, clock', async () => {
    const res = await d.app.inject({ url: '/api/maintenance/system', headers: await login(d.app) });
    const { system, ui } = res.json();
    expect(system.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(system.disk.freeBytes).toBeGreaterThan(0);
    expect(system.store).toMatchObject({ dialect: 'sqlite', integrity: 'ok', problems: [] });
    expect(system.clock).toMatchObject({ hallTimeZone: 'Asia/Shanghai', now: new Date(d.clock.t).toISOString(), plausible: true });
    expect(system.uptimeSeconds.daemon).toBeGreaterThan(0); // the movable clock has advanced five minutes and more
    expect(ui).toHaveProperty('silent');
  });

  it('exports a diagnostic bundle without the PIN hash', async () => {
    const res = await d.app.inject({ url: '/api/maintenance/bundle', headers: await login(d.app) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="kiosk-kiosk-1-.*\.json"/);
    const bundle = res.json();
    expect(bundle.format).toBe('kiosk-diagnostic-bundle/1');
    expect(bundle.config.maintenance.pinHash).toBe('[set]');
    expect(res.body).not.toMatch(/scrypt\$/);
    expect(res.body).not.toContain('440102199003071236');
    expect(bundle.devices[0].name).toBe('keypad');
    expect(bundle.log.length).toBeGreaterThan(0);
  });
});

describe('UI watchdog in /api/health', () => {
  it('reports a silent UI, and a live one once it sends heartbeats on /api/events', async () => {
    d.clock.advance(31_000);
    const silent = (await d.app.inject('/api/health')).json();
    expect(silent.ui).toMatchObject({ silent: true });

    await d.app.listen({ port: 0, host: '127.0.0.1' });
    const address = d.app.server.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${address.port}/api/events`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const echoed: string[] = [];
    ws.on('message', (m) => echoed.push(String(m)));
    ws.send('{"type":"heartbeat"}');
    await expect.poll(async () => (await d.app.inject('/api/health')).json().ui.silent, { timeout: 5000 }).toBe(false);
    ws.close();
    const live = (await d.app.inject('/api/health')).json();
    expect(live.ui).toMatchObject({ silent: false, lastHeartbeat: new Date(d.clock.t).toISOString() });
    // The heartbeat is for the watchdog: it is not broadcast back to clients.
    expect(echoed.some((m) => m.includes('ui.heartbeat'))).toBe(false);
  });
});
