/**
 * The 好差评 keypad module: `createKeypad` builds the production driver over a real HID unit (node-hid) or
 * over the simulator (FakeHidTransport + KeypadSimulator, with /api/sim/keypad routes).
 */
import { defineDevice, type DeviceContext, type FittedDevice } from '../core/descriptor';
import { keypadConfig, type KeypadConfig } from './config';
import { KeypadDriver } from './driver';
import { FakeHidTransport } from './sim/fake-hid-transport';
import { NodeHidTransport } from '../core/node-hid-transport';
import { KeypadSimulator } from './sim/simulator';
import { keypadSimRoutes } from './sim/routes';

export { KeypadDriver } from './driver';
export type { KeypadAnswer, KeypadErrorCode, KeypadEvents } from './driver';

export async function createKeypad(config: KeypadConfig, _ctx: DeviceContext): Promise<FittedDevice<KeypadDriver>> {
  const settings = {
    model: config.model,
    windowSeconds: config.windowSeconds,
    debounceMs: config.debounceMs,
    keyLevels: config.keyLevels,
    keyTestSeconds: config.keyTestSeconds,
  };
  if (config.driver === 'hid') {
    const transport = new NodeHidTransport({ vendorId: config.vendorId, productId: config.productId, path: config.path });
    return { driver: new KeypadDriver(transport, settings, { simulated: false, driver: 'hid' }) };
  }
  const sim = new KeypadSimulator(config.model);
  const transport = new FakeHidTransport(sim, `simulated hid (${config.model.name})`);
  const driver = new KeypadDriver(transport, settings, { simulated: true, driver: 'simulated' });
  return { driver, simRoutes: keypadSimRoutes(sim, transport) };
}

/** The 好差评 keypad (评价器), described once. */
export const keypad = defineDevice({
  name: 'keypad',
  label: '评价器',
  title: 'keypad',
  config: keypadConfig,
  create: createKeypad,
  doctorProbe: (c) => (c.driver === 'simulated' ? { kind: 'simulated' } : { kind: 'hid', vendorId: c.vendorId, productId: c.productId, path: c.path }),
  selfTests: [
    { level: 'internal', label: '连接检查' },
    { level: 'interactive', label: '逐键测试' },
  ],
  faults: [
    ...[1, 2, 3, 4, 5].map((key) => ({ label: `按键${key}`, method: 'POST' as const, path: '/press', body: { key } })),
    { label: '拔线', method: 'POST', path: '/state', body: { plugged: false } },
    { label: '插线', method: 'POST', path: '/state', body: { plugged: true } },
  ],
});
