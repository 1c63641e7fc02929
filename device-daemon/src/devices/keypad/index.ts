// Scaffolding while the keypad module is being written: replaced by the real factory.
import type { DeviceDriver } from '../core/device';
import type { DeviceContext, FittedDevice } from '../registry';
export type KeypadDriver = DeviceDriver;
export async function createKeypad(_config: unknown, _ctx: DeviceContext): Promise<FittedDevice<KeypadDriver>> {
  throw new Error('keypad module not built yet');
}
