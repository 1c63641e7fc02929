import { defineDevice, type DeviceContext, type FittedDevice } from '../core/descriptor';
import { LoopbackTransport } from '../core/loopback-transport';
import { SerialTransport } from '../core/serial-transport';
import { idReaderConfig, type IdReaderConfig } from './config';
import { IdReaderDriver } from './driver';
import { IdCardSimulator } from './sim/simulator';
import { idReaderSimRoutes } from './sim/routes';

export type { IdReaderDriver } from './driver';
export type { CardRead } from './card-cycle';
export type { CardText } from './codec/text-block';
export type { CardType } from './codec/layouts';
export { IdCardError, type IdCardErrorCode } from './codec/status';
export { GENDER_TEXT, type Gender } from './codec/tables';
export { LONG_TERM } from './codec/dates';

/** Line speed of a simulated reader: the SAM default, so timeouts are computed as for a real one. */
const SIM_BAUD = 115200;

/** Builds the ID-card reader: a SAM module on a serial port, or the simulator behind a loopback transport. */
export async function createIdReader(config: IdReaderConfig, _ctx: DeviceContext): Promise<FittedDevice<IdReaderDriver>> {
  const timing = { pollIntervalMs: config.pollIntervalMs, replyTimeoutMs: config.replyTimeoutMs };
  if (config.driver === 'simulated') {
    const sim = new IdCardSimulator();
    const transport = new LoopbackTransport(sim, 'simulated SAM reader');
    const driver = new IdReaderDriver({ transport, simulated: true, driver: 'simulated', baudRate: SIM_BAUD, ...timing });
    return { driver, simRoutes: idReaderSimRoutes(sim, transport) };
  }
  const transport = new SerialTransport(config.path, config.baudRate);
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
  doctorProbe: (c) => (c.driver === 'simulated' ? { kind: 'simulated' } : { kind: 'sam-serial', path: c.path, baudRate: c.baudRate }),
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
