// Scaffolding while the idcard module is being written: replaced by the real factory.
import type { DeviceDriver } from '../core/device';
import type { DeviceContext, FittedDevice } from '../registry';
export type IdReaderDriver = DeviceDriver;
export async function createIdReader(_config: unknown, _ctx: DeviceContext): Promise<FittedDevice<IdReaderDriver>> {
  throw new Error('idcard module not built yet');
}
