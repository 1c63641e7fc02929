import { afterEach, describe, expect, it } from 'vitest';
import type { KeypadDriver } from './driver';
import { keypadRig } from './sim-rig';
import { BUILTIN_MODELS, type KeypadModel } from './codec/models';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const drivers: KeypadDriver[] = [];

function rig(model?: KeypadModel, windowSeconds?: number) {
  const r = keypadRig(model, windowSeconds);
  drivers.push(r.driver);
  return r;
}

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

describe('KeypadDriver over the simulator', () => {
  it('answers an invitation with the pressed level once, and counts statistics', async () => {
    const { sim, driver, answers, ignored } = rig();
    await driver.open();
    expect(driver.state).toBe('idle');
    await sim.press(4, 5);
    await sleep(30); // beyond the 20 ms debounce
    expect(ignored).toEqual(['OUTSIDE_WINDOW']);
    await driver.invite('inv-1');
    expect(driver.state).toBe('busy');
    await sim.press(2, 5);
    await sleep(30);
    await sim.press(5, 5);
    await sleep(5);
    expect(answers).toMatchObject([{ invitationId: 'inv-1', key: 2, level: 2 }]);
    expect(ignored).toEqual(['OUTSIDE_WINDOW', 'ALREADY_ANSWERED']);
    expect(driver.state).toBe('idle');
    expect(driver.status().statistics).toMatchObject({ KeyPressedCount: 3, KeyIgnoredCount: 2, AnsweredCount: 1, Key2PressedCount: 1, InvitationCount: 1 });
  });

  it('debounces a bouncing contact into one press', async () => {
    const { sim, driver, answers } = rig();
    await driver.open();
    await driver.invite('inv-2');
    await sim.bounce(3, 4, 1);
    await sleep(5);
    expect(answers.map((a) => a.level)).toEqual([3]);
    expect(driver.status().statistics.BounceCount).toBeGreaterThanOrEqual(1);
  });

  it('expires an unanswered invitation', async () => {
    const { driver } = rig(BUILTIN_MODELS['boot-keyboard'], 3);
    await driver.open();
    const expired = new Promise((r) => driver.answers.once('expired', r));
    await driver.invite('inv-3', 0.05);
    await expect(expired).resolves.toEqual({ invitationId: 'inv-3' });
    expect(driver.state).toBe('idle');
  });

  it('goes offline when unplugged, refuses invitations, and reconnects when plugged back', async () => {
    const { sim, transport, driver, answers } = rig();
    await driver.open();
    transport.unplug();
    expect(driver.state).toBe('offline');
    await expect(driver.invite('inv-4')).rejects.toMatchObject({ code: 'KEYPAD_OFFLINE' });
    transport.plug();
    const back = new Promise((r) => driver.on('state', (e) => e.state === 'idle' && r(e)));
    await back; // the device model retries with backoff (first retry after 500 ms)
    await driver.invite('inv-4');
    await sim.press(5, 5);
    await sleep(5);
    expect(answers.map((a) => a.level)).toEqual([5]);
    expect(driver.status().statistics.CommunicationErrorCount).toBe(1);
  });

  it('sends the model output reports (voice prompt, thanks) and records garbled input as an error', async () => {
    const { sim, driver, answers } = rig(BUILTIN_MODELS['vendor-5key']);
    await driver.open();
    await driver.invite('inv-5');
    sim.sendRaw(Buffer.from('0109000000000000', 'hex'));
    await sim.press(1, 5);
    await sleep(5);
    expect(answers.map((a) => a.level)).toEqual([1]);
    expect(sim.outputs.map((b) => b.toString('hex'))).toEqual(['0201000000000000', '0202000000000000']);
    expect(driver.status().recentErrors[0]).toMatchObject({ code: 'UNKNOWN_KEY_CODE', locus: 'input' });
  });
});
