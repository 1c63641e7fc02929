import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadDriver } from './driver';
import { keypadRig } from './sim-rig';
import { BUILTIN_MODELS, type KeypadModel } from './codec/models';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const drivers: KeypadDriver[] = [];
function rig(model?: KeypadModel, windowSeconds?: number, keyTestSeconds?: number) {
  const r = keypadRig(model, windowSeconds, keyTestSeconds);
  drivers.push(r.driver);
  return r;
}
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

/** Presses keys one after another, beyond the 20 ms debounce. */
async function pressAll(sim: { press(key: number, holdMs?: number): Promise<void> }, keys: number[]) {
  for (const key of keys) {
    await sim.press(key, 5);
    await sleep(25);
  }
}

describe('keypad internal self-test', () => {
  it('says connected with the model, sends nothing, and fails once the unit is gone', async () => {
    const { sim, transport, driver } = rig(BUILTIN_MODELS['vendor-5key']);
    await driver.open();
    const ok = await driver.checkHealth('internal');
    expect(ok).toMatchObject({ level: 'internal', ok: true, text: expect.stringContaining('vendor-5key，5 键') });
    expect(sim.outputs).toEqual([]);
    transport.unplug();
    expect(await driver.checkHealth('internal')).toMatchObject({ ok: false, text: '评价器未连接' });
  });
});

describe('keypad external self-test', () => {
  it('sends the voice prompt of a model that has one, and the lamp-off report after the window', async () => {
    const { sim, driver } = rig(BUILTIN_MODELS['vendor-5key'], 0.1 as number);
    await driver.open();
    const result = await driver.checkHealth('external');
    expect(result).toMatchObject({ ok: true, text: expect.stringContaining('语音提示') });
    await sleep(10);
    expect(sim.outputs.map((b) => b.toString('hex'))).toEqual(['0201000000000000']);
    await sleep(150);
    expect(sim.outputs.map((b) => b.toString('hex'))).toEqual(['0201000000000000', '0200000000000000']);
  });

  it('runs an invitation cycle one press answers for a model without outputs, and the press is no rating', async () => {
    const { sim, driver, answers, ignored } = rig(BUILTIN_MODELS['boot-keyboard'], 1);
    await driver.open();
    const pending = driver.checkHealth('external');
    await sleep(5);
    await sim.press(4, 5);
    expect(await pending).toMatchObject({ ok: true, text: '邀请评价周期正常：收到按键「满意」' });
    expect(answers).toEqual([]);
    expect(ignored).toEqual([]);
    const silent = await driver.checkHealth('external');
    expect(silent).toMatchObject({ ok: false, text: expect.stringContaining('1 秒内未收到按键') });
  });
});

describe('keypad interactive self-test (逐键测试)', () => {
  it('passes when all five keys are pressed, before its time is up', async () => {
    const { sim, driver, answers } = rig(undefined, 3, 5);
    await driver.open();
    const started = Date.now();
    const pending = driver.checkHealth('interactive');
    await sleep(5);
    expect(driver.status().detail.keyTest).toMatchObject({ seen: [], missing: ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] });
    await pressAll(sim, [1, 3, 3, 5, 2, 4]);
    const result = await pending;
    expect(result).toMatchObject({ ok: true, text: '逐键测试通过，已检测到按键：非常满意、满意、基本满意、不满意、非常不满意' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answers).toEqual([]);
    expect(driver.status().detail.keyTest).toBeUndefined();
    expect(driver.status().statistics).toMatchObject({ KeyPressedCount: 6, Key3PressedCount: 2 });
  });

  it('names the keys seen and the keys missed when time is up', async () => {
    const { sim, driver } = rig(undefined, 3, 0.4 as number);
    await driver.open();
    const pending = driver.checkHealth('interactive');
    await sleep(5);
    await pressAll(sim, [5, 4, 3]);
    expect(await pending).toMatchObject({ ok: false, text: '已检测到按键：非常满意、满意、基本满意；未检测到：不满意、非常不满意' });
  });

  it('ends at once when the unit is unplugged mid-test, and refuses invitations while it runs', async () => {
    const { sim, transport, driver } = rig(undefined, 3, 30);
    await driver.open();
    const pending = driver.checkHealth('interactive');
    await sleep(5);
    await expect(driver.invite('inv-1')).rejects.toMatchObject({ code: 'KEYPAD_SELF_TEST' });
    await pressAll(sim, [2]);
    transport.unplug();
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/^评价器在逐键测试中断开。已检测到按键：不满意；未检测到：/);
  });

  it('is refused while a citizen is being asked to rate', async () => {
    const { driver } = rig();
    await driver.open();
    await driver.invite('inv-2');
    expect(await driver.checkHealth('interactive')).toMatchObject({ ok: false, text: expect.stringContaining('正在等待群众评价') });
  });
});
