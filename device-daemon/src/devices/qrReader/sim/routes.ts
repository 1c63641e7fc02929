import type { FastifyPluginAsync } from 'fastify';
import { badRequest } from '../../../core/errors';
import { oneFieldBody } from '../../core/sim-schema';
import type { QrScannerSimulator } from './simulator';

/** Unplugs and plugs the simulated unit, whichever link it uses. */
export interface SimPlug {
  plugged(): boolean;
  set(plugged: boolean): void;
}

/**
 * /api/sim/qrReader (docs/INTERFACE.md), present only while the reader is simulated: POST /scan { text } (a
 * code held under the scanner), POST /partial { text } (half of it), POST /raw { hex } (noise, another
 * system's bytes), GET /state, POST /state { plugged }.
 */
export function qrReaderSimRoutes(sim: QrScannerSimulator, plug: SimPlug): FastifyPluginAsync {
  const text = oneFieldBody('text', { type: 'string', minLength: 1, maxLength: 2000 });
  const state = () => ({ plugged: plug.plugged(), connected: sim.connected, mode: sim.settings.mode, suffix: sim.settings.suffix, scanCount: sim.scanCount });
  const connected = () => {
    if (!sim.connected) throw badRequest('SIM_UNPLUGGED', '模拟扫码器未连接（已拔出或未打开）');
  };
  return async (app) => {
    app.post<{ Body: { text: string } }>('/scan', { schema: { body: text } }, async (req) => {
      connected();
      try {
        sim.scan(req.body.text);
      } catch (err) {
        throw badRequest('SIM_CANNOT_TYPE', `body.text: ${(err as Error).message}`);
      }
      return state();
    });
    app.post<{ Body: { text: string } }>('/partial', { schema: { body: text } }, async (req) => {
      connected();
      sim.partial(req.body.text);
      return state();
    });
    app.post<{ Body: { hex: string } }>('/raw', { schema: { body: oneFieldBody('hex', { type: 'string', pattern: '^([0-9a-fA-F]{2}){1,2048}$' }) } }, async (req) => {
      connected();
      sim.sendRaw(Buffer.from(req.body.hex, 'hex'));
      return state();
    });
    app.get('/state', async () => state());
    app.post<{ Body: { plugged: boolean } }>('/state', { schema: { body: oneFieldBody('plugged', { type: 'boolean' }) } }, async (req) => {
      plug.set(req.body.plugged);
      return state();
    });
  };
}
