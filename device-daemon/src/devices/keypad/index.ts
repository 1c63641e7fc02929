/**
 * The 好差评 keypad module: `createKeypad` builds the production driver over a real HID unit (node-hid) or
 * over the simulator (FakeHidTransport + KeypadSimulator, with /api/sim/keypad routes).
 */
import type { DeviceContext, FittedDevice } from '../registry';
import type { KeypadConfig } from './config';
import { KeypadDriver } from './driver';
import { FakeHidTransport } from './sim/fake-hid-transport';
import { NodeHidTransport } from './transport/node-hid-transport';
import { KeypadSimulator } from './sim/simulator';
import { keypadSimRoutes } from './sim/routes';

export { KeypadDriver } from './driver';
export type { KeypadAnswer, KeypadEvents } from './driver';

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
