import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { login, removeDir, startDaemon, tempDataDir } from './maintenance-helpers';

/** UnifiedPOS statistics are lifetime counters: they survive a daemon restart (saved at close, restored at start). */
const dirs: string[] = [];
/** No debounce: quick successive test presses all count. */
const KEYPAD = { driver: 'simulated', debounceMs: 0 };
afterEach(() => dirs.splice(0).forEach(removeDir));

async function keypadStatistics(app: FastifyInstance): Promise<Record<string, number>> {
  const res = await app.inject({ url: '/api/maintenance/devices/keypad', headers: await login(app) });
  return res.json().device.statistics;
}

async function press(app: FastifyInstance, key: number): Promise<void> {
  const res = await app.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key } });
  expect(res.statusCode).toBe(200);
}

describe('device statistics across restarts', () => {
  it('keeps counting where the last run stopped', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const raw = { devices: { keypad: KEYPAD } };

    const first = await startDaemon(raw, dataDir);
    await press(first.app, 1);
    await press(first.app, 2);
    await expect.poll(async () => (await keypadStatistics(first.app)).KeyPressedCount).toBe(2);
    await first.app.close();

    const second = await startDaemon(raw, dataDir);
    expect((await keypadStatistics(second.app)).KeyPressedCount).toBe(2);
    await press(second.app, 3);
    await expect.poll(async () => (await keypadStatistics(second.app)).KeyPressedCount).toBe(3);
    await second.app.close();

    const third = await startDaemon(raw, dataDir);
    const stats = await keypadStatistics(third.app);
    expect(stats.KeyPressedCount).toBe(3);
    await third.app.close();
  });

  it('keeps each kiosk\'s counters apart in one store', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const a = await startDaemon({ hall: { kioskId: 'a' }, devices: { keypad: KEYPAD } }, dataDir);
    await press(a.app, 1);
    await expect.poll(async () => (await keypadStatistics(a.app)).KeyPressedCount).toBe(1);
    await a.app.close();
    const b = await startDaemon({ hall: { kioskId: 'b' }, devices: { keypad: KEYPAD } }, dataDir);
    expect((await keypadStatistics(b.app)).KeyPressedCount ?? 0).toBe(0);
    await b.app.close();
  });
});
