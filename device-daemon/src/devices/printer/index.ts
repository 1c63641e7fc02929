import { defineDevice, type DeviceContext, type FittedDevice } from '../core/descriptor';
import { LoopbackTransport } from '../core/loopback-transport';
import { SerialTransport } from '../core/serial-transport';
import type { ByteTransport } from '../core/transport';
import { printerConfig, type PrinterConfig } from './config';
import { EscPosPrinter, type PrinterDriver } from './driver';
import { CharDeviceTransport } from './transport/chardev-transport';
import { PrinterSimulator } from './sim/simulator';
import { simPrinterRoutes } from './sim/routes';

export type { PrinterDriver } from './driver';
export { EscPosPrinter } from './driver';
export type { PrinterConfig } from './config';
export { printWithFallback, ensureCanPrint, type Printing, type PrintOutcome } from './printing';
export type { PrintDocument, PrintLine, Align } from './codec/document';
export type { NotReadyReason, PrintErrorCode } from './readiness';

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

/** The ticket printer (票据打印机), described once for the daemon, the doctor and the technician. */
export const printer = defineDevice({
  name: 'printer',
  label: '票据打印机',
  title: 'ticket printer',
  config: printerConfig,
  create: createPrinter,
  doctorProbe: (c) =>
    c.driver === 'simulated'
      ? { kind: 'simulated' }
      : { kind: 'escpos', link: c.driver === 'escpos-serial' ? 'serial' : 'device', path: c.path, baudRate: c.driver === 'escpos-serial' ? c.baudRate : 0, repliesRequired: c.statusReplies === 'required' },
  selfTests: [
    { level: 'internal', label: '状态检查' },
    { level: 'external', label: '打印测试页' },
  ],
  faults: [
    { label: '缺纸', method: 'POST', path: '/state', body: { paper: 'out' } },
    { label: '纸将尽', method: 'POST', path: '/state', body: { paper: 'near-end' } },
    { label: '装纸', method: 'POST', path: '/state', body: { paper: 'ok' } },
    { label: '开盖', method: 'POST', path: '/state', body: { cover: 'open' } },
    { label: '合盖', method: 'POST', path: '/state', body: { cover: 'closed' } },
    { label: '切刀故障', method: 'POST', path: '/state', body: { fault: 'autocutter' } },
    { label: '清除故障', method: 'POST', path: '/state', body: { fault: 'none' } },
    { label: '拔线', method: 'POST', path: '/state', body: { plugged: false } },
    { label: '插线', method: 'POST', path: '/state', body: { plugged: true } },
  ],
});
