// Scaffolding while the scanner module is being written: replaced by the real factory.
import type { DeviceDriver } from '../core/device';
import type { DeviceContext, FittedDevice } from '../registry';
export type ScannerDriver = DeviceDriver;
export async function createScanner(_config: unknown, _ctx: DeviceContext): Promise<FittedDevice<ScannerDriver>> {
  throw new Error('scanner module not built yet');
}
