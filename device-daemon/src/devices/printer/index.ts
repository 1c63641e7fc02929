// Scaffolding while the printer module is being written: replaced by the real factory.
import type { DeviceDriver } from '../core/device';
import type { DeviceContext, FittedDevice } from '../registry';
export type PrinterDriver = DeviceDriver;
export async function createPrinter(_config: unknown, _ctx: DeviceContext): Promise<FittedDevice<PrinterDriver>> {
  throw new Error('printer module not built yet');
}
