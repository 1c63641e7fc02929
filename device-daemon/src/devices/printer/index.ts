import type { DeviceContext, FittedDevice } from '../registry';
import { LoopbackTransport } from '../core/loopback-transport';
import { SerialTransport } from '../core/serial-transport';
import type { ByteTransport } from '../core/transport';
import type { PrinterConfig } from './config';
import { EscPosPrinter, type PrinterDriver } from './driver';
import { CharDeviceTransport } from './transport/chardev-transport';
import { PrinterSimulator } from './sim/simulator';
import { simPrinterRoutes } from './sim/routes';

export type { PrinterDriver } from './driver';
export { EscPosPrinter } from './driver';
export type { PrinterConfig } from './config';
export { printWithFallback, ensureCanPrint, type Printing, type PrintOutcome } from './printing';
export type { PrintDocument, PrintLine, Align } from './codec/document';

/**
 * The ticket printer as configured: the same ESC/POS driver over a serial port, a character device
 * (`/dev/usb/lp0`) or the in-process simulator, which also gets its `/api/sim/printer` routes.
 */
export async function createPrinter(config: PrinterConfig, ctx: DeviceContext): Promise<FittedDevice<PrinterDriver>> {
  let transport: ByteTransport;
  let baudRate: number | undefined;
  let sim: { device: PrinterSimulator; link: LoopbackTransport } | undefined;
  if (config.driver === 'simulated') {
    const device = new PrinterSimulator();
    const link = new LoopbackTransport(device, 'simulated ESC/POS printer');
    sim = { device, link };
    transport = link;
  } else if (config.driver === 'escpos-serial') {
    transport = new SerialTransport(config.path, config.baudRate);
    baudRate = config.baudRate;
  } else {
    transport = new CharDeviceTransport(config.path);
  }
  const driver = new EscPosPrinter({
    driver: config.driver,
    transport,
    baudRate,
    statusIntervalMs: config.statusIntervalMs,
    statusTimeoutMs: config.statusTimeoutMs,
    statusFreshMs: config.statusFreshMs,
    writeTimeoutMs: config.writeTimeoutMs,
    statusReplies: config.statusReplies,
    cut: config.cut,
    timeZone: ctx.config.hall.timezone,
  });
  return { driver, ...(sim ? { simRoutes: simPrinterRoutes(sim.device, sim.link) } : {}) };
}
