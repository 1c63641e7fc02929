import type { DeviceContext, FittedDevice } from '../registry';
import { LoopbackTransport } from '../core/loopback-transport';
import { SerialTransport } from '../core/serial-transport';
import type { IdReaderConfig } from './config';
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
