/**
 * The QR-code reader (扫码器): `createQrReader` builds the production driver over a serial (CDC) scanner, a
 * HID keyboard-mode scanner (node-hid), or the simulator in either mode (with /api/sim/qrReader routes).
 */
import { defineDevice, type DeviceContext, type FittedDevice } from '../core/descriptor';
import { LoopbackTransport } from '../core/loopback-transport';
import { SerialTransport } from '../core/serial-transport';
import { qrReaderConfig, type QrReaderConfig } from './config';
import { QrReaderDriver } from './driver';
import { QrScannerSimulator } from './sim/simulator';
import { qrReaderSimRoutes } from './sim/routes';
import { KeyboardTransport } from './transport/keyboard-transport';
import { NodeHidTransport } from '../core/node-hid-transport';

export { QrReaderDriver } from './driver';
export type { QrErrorCode, QrReaderEvents, QrScan } from './driver';

export async function createQrReader(config: QrReaderConfig, _ctx: DeviceContext): Promise<FittedDevice<QrReaderDriver>> {
  const settings = {
    suffix: config.suffix,
    encoding: config.encoding,
    maxLength: config.maxLength,
    partialTimeoutMs: config.partialTimeoutMs,
    selfTestSeconds: config.selfTestSeconds,
  };
  if (config.driver === 'serial') {
    const transport = new SerialTransport(config.path, config.baudRate);
    return { driver: new QrReaderDriver(transport, settings, { simulated: false, driver: 'serial' }) };
  }
  if (config.driver === 'hid') {
    const transport = new KeyboardTransport(new NodeHidTransport({ vendorId: config.vendorId, productId: config.productId, path: config.path }), config.reportId);
    return { driver: new QrReaderDriver(transport, settings, { simulated: false, driver: 'hid', reportErrors: () => transport.badReports }) };
  }
  const sim = new QrScannerSimulator({ mode: config.mode, suffix: config.suffix, sends: config.sends });
  if (config.mode === 'hid') {
    const transport = new KeyboardTransport(sim.hid);
    const driver = new QrReaderDriver(transport, settings, { simulated: true, driver: 'simulated', reportErrors: () => transport.badReports });
    const plug = { plugged: () => sim.hid.plugged, set: (p: boolean) => (p ? (sim.hid.plugged = true) : sim.hid.unplug()) };
    return { driver, simRoutes: qrReaderSimRoutes(sim, plug) };
  }
  const transport = new LoopbackTransport(sim, 'simulated QR scanner (serial)');
  const driver = new QrReaderDriver(transport, settings, { simulated: true, driver: 'simulated' });
  const plug = { plugged: () => transport.plugged, set: (p: boolean) => (p ? transport.plug() : transport.unplug()) };
  return { driver, simRoutes: qrReaderSimRoutes(sim, plug) };
}

/** The 2D QR-code scanner (扫码器), described once. */
export const qrReader = defineDevice({
  name: 'qrReader',
  label: '扫码器',
  title: 'QR-code reader',
  config: qrReaderConfig,
  create: createQrReader,
  doctorProbe: (c) =>
    c.driver === 'simulated'
      ? { kind: 'simulated' }
      : c.driver === 'hid'
        ? { kind: 'hid', vendorId: c.vendorId, productId: c.productId, path: c.path }
        : { kind: 'serial-open', path: c.path, baudRate: c.baudRate },
  selfTests: [
    { level: 'internal', label: '连接检查' },
    { level: 'interactive', label: '扫码测试' },
  ],
  faults: [
    { label: '扫预约码', method: 'POST', path: '/scan', body: { text: 'YY-TEST0000' } },
    { label: '扫半个码', method: 'POST', path: '/partial', body: { text: 'YY-TEST0000' } },
    { label: '干扰信号', method: 'POST', path: '/raw', body: { hex: '00ff13370d' } },
    { label: '拔线', method: 'POST', path: '/state', body: { plugged: false } },
    { label: '插线', method: 'POST', path: '/state', body: { plugged: true } },
  ],
});
