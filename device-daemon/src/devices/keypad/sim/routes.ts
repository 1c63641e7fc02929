import type { FastifyPluginAsync } from 'fastify';
import { badRequest } from '../../../core/errors';
import type { FakeHidTransport } from './fake-hid-transport';
import type { KeypadSimulator } from './simulator';
import { modelKeys } from '../codec/models';
import { oneFieldBody } from '../../core/sim-schema';

/**
 * /api/sim/keypad (docs/INTERFACE.md: press a keypad key), present only while the keypad is simulated:
 * POST /press { key }, POST /bounce { key, times }, GET /state, POST /state { plugged }.
 */
export function keypadSimRoutes(sim: KeypadSimulator, transport: FakeHidTransport): FastifyPluginAsync {
  const keys = modelKeys(sim.model);
  const keyBody = {
    type: 'object',
    required: ['key'],
    additionalProperties: false,
    properties: { key: { type: 'integer', minimum: 1, maximum: 6 }, holdMs: { type: 'integer', minimum: 1, maximum: 2000 }, times: { type: 'integer', minimum: 1, maximum: 20 } },
  } as const;
  const checkKey = (key: number) => {
    if (!keys.includes(key)) throw badRequest('SIM_NO_SUCH_KEY', `body.key: model ${sim.model.name} has keys ${keys.join(', ')}`);
    if (!sim.connected) throw badRequest('SIM_UNPLUGGED', '模拟评价器未连接（已拔出或未打开）');
  };
  const state = () => ({
    plugged: transport.plugged,
    connected: sim.connected,
    model: sim.model.name,
    keys,
    pressCount: sim.pressCount,
    outputs: sim.outputs.slice(-10).map((b) => b.toString('hex')),
    lastReports: sim.sent.slice(-4).map((b) => b.toString('hex')),
  });

  return async (app) => {
    app.post<{ Body: { key: number; holdMs?: number } }>('/press', { schema: { body: keyBody } }, async (req) => {
      checkKey(req.body.key);
      await sim.press(req.body.key, req.body.holdMs);
      return state();
    });
    app.post<{ Body: { key: number; times?: number } }>('/bounce', { schema: { body: keyBody } }, async (req) => {
      checkKey(req.body.key);
      await sim.bounce(req.body.key, req.body.times);
      return state();
    });
    app.get('/state', async () => state());
    app.post<{ Body: { plugged: boolean } }>('/state', {
      schema: { body: oneFieldBody('plugged', { type: 'boolean' }) },
    }, async (req) => {
      if (req.body.plugged) transport.plug();
      else transport.unplug();
      return state();
    });
  };
}
