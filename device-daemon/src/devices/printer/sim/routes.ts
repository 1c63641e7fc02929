import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { LoopbackTransport } from '../../core/loopback-transport';
import type { PrinterSimulator, SimPrinterState } from './simulator';

type StateBody = Partial<SimPrinterState> & { plugged?: boolean };

const stateBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    paper: { type: 'string', enum: ['ok', 'near-end', 'out'] },
    cover: { type: 'string', enum: ['open', 'closed'] },
    online: { type: 'boolean' },
    plugged: { type: 'boolean' },
    fault: { type: 'string', enum: ['none', 'autocutter', 'unrecoverable'] },
    paperLinesLeft: { type: ['integer', 'null'], minimum: 1, maximum: 100000 },
    asb: { type: 'boolean' },
  },
} as const;

const stateReply = {
  type: 'object',
  properties: {
    paper: { type: 'string' },
    cover: { type: 'string' },
    online: { type: 'boolean' },
    plugged: { type: 'boolean' },
    fault: { type: 'string' },
    paperLinesLeft: { type: ['integer', 'null'] },
    asb: { type: 'boolean' },
    lostBytes: { type: 'integer' },
    statusRequests: { type: 'integer' },
    asbSent: { type: 'integer' },
    unknownCommands: { type: 'integer' },
  },
} as const;

const receiptsReply = {
  type: 'object',
  properties: {
    receipts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          lines: { type: 'array', items: { type: 'string' } },
          qr: { type: 'array', items: { type: 'string' } },
          rasters: { type: 'integer' },
          cut: { type: 'boolean' },
          at: { type: 'string' },
        },
      },
    },
  },
} as const;

/**
 * `/api/sim/printer`: the technician's and the tests' handle on the simulated printer
 * (set paper, cover, power and cable; read back what was printed).
 */
export function simPrinterRoutes(sim: PrinterSimulator, link: LoopbackTransport): FastifyPluginAsync {
  const view = () => ({
    ...sim.state,
    plugged: link.plugged,
    lostBytes: sim.lostBytes,
    statusRequests: sim.statusRequests,
    asbSent: sim.asbSent,
    unknownCommands: sim.unknownCommandCount,
  });
  return async function routes(app: FastifyInstance) {
    app.get('/state', { schema: { response: { 200: stateReply } } }, async () => view());

    app.post<{ Body: StateBody }>('/state', { schema: { body: stateBody, response: { 200: stateReply } } }, async (request) => {
      const { plugged, ...state } = request.body;
      sim.set(state);
      if (plugged === false) link.unplug();
      if (plugged === true) link.plug();
      return view();
    });

    app.get('/receipts', { schema: { response: { 200: receiptsReply } } }, async () => ({
      receipts: sim.roll.list().map((r) => ({ lines: r.lines.map((l) => l.text), qr: r.qr, rasters: r.rasters.length, cut: r.cut, at: r.at })),
    }));

    app.delete('/receipts', async (_request, reply) => {
      sim.roll.clear();
      return reply.status(204).send();
    });
  };
}
