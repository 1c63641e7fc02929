import { defineDevice, type DeviceContext, type FittedDevice } from '../core/descriptor';
import { LoopbackTransport } from '../core/loopback-transport';
import { SerialTransport } from '../core/serial-transport';
import { idReaderConfig, type IdReaderConfig } from './config';
import { IdReaderDriver } from './driver';
import { IdCardSimulator } from './sim/simulator';
import { UsbBulkTransport } from './transport/usb-bulk-transport';
import { LibusbBulkDevice } from './transport/libusb-device';
import { VendorSdkLink } from './vendor-sdk/link';
import { idReaderSimRoutes } from './sim/routes';

export type { IdReaderDriver } from './driver';
export type { CardRead } from './card-cycle';
export type { CardText } from './codec/text-block';
export type { CardType } from './codec/layouts';
export { IdCardError, type IdCardErrorCode } from './codec/status';
export { GENDER_TEXT, type Gender } from './codec/tables';
export { LONG_TERM } from './codec/dates';

/** The entry points a vendor library must export for its family (the doctor checks they resolve). */
const CVR_SYMBOLS = ['CVR_InitComm', 'CVR_Authenticate', 'CVR_Read_Content', 'CVR_CloseComm'];
const SDT_SYMBOLS = ['SDT_OpenPort', 'SDT_StartFindIDCard', 'SDT_SelectIDCard', 'SDT_ReadBaseMsg', 'SDT_ClosePort'];

/** Line speed of a simulated reader: the SAM default, so timeouts are computed as for a real one. */
const SIM_BAUD = 115200;

/** Builds the ID-card reader: a SAM module on a serial port, or the simulator behind a loopback transport. */
export async function createIdReader(config: IdReaderConfig, _ctx: DeviceContext): Promise<FittedDevice<IdReaderDriver>> {
  const timing = { pollIntervalMs: config.pollIntervalMs, timeouts: config.timeouts, readCommand: config.readCommand };
  if (config.driver === 'simulated') {
    const sim = new IdCardSimulator();
    const transport = new LoopbackTransport(sim, 'simulated SAM reader');
    const driver = new IdReaderDriver({ transport, simulated: true, driver: 'simulated', baudRate: SIM_BAUD, ...timing });
    return { driver, simRoutes: idReaderSimRoutes(sim, transport) };
  }
  if (config.driver === 'sam-usb') {
    const longest = Math.max(...Object.values(config.timeouts));
    const transport = new UsbBulkTransport(new LibusbBulkDevice(config.vendorId, config.productId), config.endpoints, longest);
    // Wire time on USB is negligible; the module's own UART speed is the honest upper bound for a reply.
    return { driver: new IdReaderDriver({ transport, simulated: false, driver: config.driver, baudRate: SIM_BAUD, ...timing }) };
  }
  if (config.driver === 'vendor-sdk') {
    const link = new VendorSdkLink({ library: config.library, family: config.family, port: config.port });
    return { driver: new IdReaderDriver({ transport: link, simulated: false, driver: config.driver, baudRate: SIM_BAUD, ...timing }) };
  }
  // The link times each reply itself and sends the next command once the reply is in: no drain is waited for.
  const transport = new SerialTransport(config.path, config.baudRate, { settle: 'written' });
  const driver = new IdReaderDriver({ transport, simulated: false, driver: config.driver, baudRate: config.baudRate, ...timing });
  return { driver };
}

/** The second-generation ID-card reader (身份证阅读器), described once. */
export const idReader = defineDevice({
  name: 'idReader',
  label: '身份证阅读器',
  title: 'ID-card reader',
  config: idReaderConfig,
  create: createIdReader,
  doctorProbe: (c) =>
    c.driver === 'simulated'
      ? { kind: 'simulated' }
      : c.driver === 'sam-usb'
        ? { kind: 'usb', vendorId: c.vendorId, productId: c.productId }
        : c.driver === 'vendor-sdk'
          ? { kind: 'shared-library', library: c.library, symbols: c.family === 'cvr' ? CVR_SYMBOLS : SDT_SYMBOLS }
          : { kind: 'sam-serial', path: c.path, baudRate: c.baudRate },
  selfTests: [
    { level: 'internal', label: '安全模块自检' },
    { level: 'external', label: '立即读卡' },
    { level: 'interactive', label: '放卡测试' },
  ],
  faults: [
    { label: '放卡', method: 'POST', path: '/card', body: { profile: 'resident' } },
    { label: '取卡', method: 'DELETE', path: '/card' },
    { label: '读卡失败', method: 'POST', path: '/fault', body: { fault: 'read-failure' } },
    { label: '模块故障', method: 'POST', path: '/fault', body: { fault: 'sam-fault' } },
    { label: '校验错误', method: 'POST', path: '/fault', body: { fault: 'bad-checksum' } },
    { label: '无应答', method: 'POST', path: '/fault', body: { fault: 'mute' } },
    { label: '拔线', method: 'POST', path: '/fault', body: { fault: 'unplug' } },
    { label: '恢复正常', method: 'POST', path: '/fault', body: { fault: 'none' } },
  ],
});
