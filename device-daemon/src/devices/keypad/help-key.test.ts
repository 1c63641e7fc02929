import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadDriver } from './driver';
import { keypadRig } from './sim-rig';
import { BUILTIN_MODELS } from './codec/models';
import { parseKeypadModel } from './model-schema';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const drivers: KeypadDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

describe('the keypad\'s «呼叫帮办» key (model data `helpKey`)', () => {
  it('reports help from the model\'s key-6 bytes, never as a rating, and leaves an open invitation to the level keys', async () => {
    const { sim, driver, answers, ignored } = keypadRig(BUILTIN_MODELS['vendor-6key-help']);
    drivers.push(driver);
    const help: { key: number }[] = [];
    driver.answers.on('help', (h) => help.push(h));
    await driver.open();
    await driver.invite('inv-1');
    await sim.press(6, 5);
    await sleep(30);
    // The unit's own bytes: report 0x01, key code 0x06 in byte 1, then all released.
    expect(sim.sent.slice(-2).map((b) => b.toString('hex'))).toEqual(['0106000000000000', '0100000000000000']);
    expect(help).toMatchObject([{ key: 6 }]);
    expect(answers).toEqual([]);
    expect(driver.state).toBe('busy'); // still waiting for the rating
    await sim.press(5, 5);
    await sleep(5);
    expect(answers).toMatchObject([{ invitationId: 'inv-1', key: 5, level: 5 }]);
    expect(ignored).toEqual([]);
    expect(driver.status().statistics).toMatchObject({ HelpPressedCount: 1, AnsweredCount: 1 });
  });

  it('takes a second press right after as the same call, and works with no invitation open', async () => {
    const { sim, driver } = keypadRig(BUILTIN_MODELS['vendor-6key-help']);
    drivers.push(driver);
    const help: unknown[] = [];
    driver.answers.on('help', (h) => help.push(h));
    await driver.open();
    await sim.press(6, 5);
    await sleep(30);
    await sim.press(6, 5);
    await sleep(5);
    expect(help).toHaveLength(1);
  });

  it('is data: an inline model names its help key; a model without one has none', () => {
    const model = parseKeypadModel({ mode: 'boot-keyboard', usages: [{ code: 0x1e, key: 1 }, { code: 0x23, key: 6 }], helpKey: 6 }, 'devices.keypad.model');
    expect(model.helpKey).toBe(6);
    expect(BUILTIN_MODELS['vendor-5key']!.helpKey).toBeUndefined();
    expect(() => parseKeypadModel({ mode: 'boot-keyboard', usages: [{ code: 0x1e, key: 1 }], helpKey: 7 }, 'devices.keypad.model')).toThrow(/devices\.keypad\.model\.helpKey = 7/);
  });
});
