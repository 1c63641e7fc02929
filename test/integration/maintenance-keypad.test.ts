import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, removeDir, startDaemon, type Daemon } from './maintenance-helpers';

/**
 * The keypad's 逐键测试 through the maintenance API, as the technician's self-test button runs it: the request
 * waits while keys are pressed (here through the simulator's route, on a unit the real driver decodes).
 */
let d: Daemon;
let auth: { authorization: string };
beforeAll(async () => {
  d = await startDaemon({ devices: { keypad: { driver: 'simulated', keyTestSeconds: 3 } } });
  auth = await login(d.app);
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function selfTest(level: string) {
  return d.app.inject({ method: 'POST', url: '/api/maintenance/devices/keypad/health', headers: auth, payload: { level } });
}

async function press(keys: number[]) {
  for (const key of keys) {
    const res = await d.app.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key, holdMs: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    await sleep(80); // beyond the default 60 ms debounce
  }
}

describe('keypad self-tests through the maintenance API', () => {
  it('passes 逐键测试 when the five keys are pressed while the request waits', async () => {
    const pending = selfTest('interactive');
    await sleep(50);
    const during = await d.app.inject({ url: '/api/maintenance/devices/keypad', headers: auth });
    expect(during.json().device.detail.keyTest.missing).toHaveLength(5);
    await press([5, 4, 3, 2, 1]);
    const res = await pending;
    expect(res.statusCode, res.body).toBe(200);
    const { result, device } = res.json();
    expect(result).toMatchObject({ level: 'interactive', ok: true, text: '逐键测试通过，已检测到按键：非常满意、满意、基本满意、不满意、非常不满意' });
    expect(device.lastHealth).toEqual(result);
    expect(device.statistics).toMatchObject({ KeyPressedCount: 5, HoursPoweredCount: 0 });
    expect(device.statistics.AnsweredCount ?? 0).toBe(0);
  });

  it('reports the keys missed when the technician stops before the time is up', async () => {
    const pending = selfTest('interactive');
    await sleep(50);
    await press([5, 4, 3]);
    const { result } = (await pending).json();
    expect(result).toMatchObject({ ok: false, text: '已检测到按键：非常满意、满意、基本满意；未检测到：不满意、非常不满意' });
  });

  it('answers the internal check at once without a press', async () => {
    const { result } = (await selfTest('internal')).json();
    expect(result).toMatchObject({ ok: true, text: expect.stringContaining('评价器已连接（boot-keyboard，5 键') });
  });
});
