import type { FastifyInstance } from 'fastify';
import { SCANNER_FAULTS, type SaneTestScript, type ScannerFault } from './sane-test';
import { oneFieldBody } from '../../core/sim-schema';

/**
 * /api/sim/scanner: the simulated scanner's scripting API (exists only while the scanner is simulated).
 * A fault stays until it is set back to 'none', so a person can retry and see it again, like a real jam.
 */
export function scannerSimRoutes(script: SaneTestScript) {
  return async function routes(app: FastifyInstance) {
    const state = () => ({ fault: script.fault, readDelayUs: script.readDelayUs });
    const stateSchema = { type: 'object', properties: { fault: { type: 'string' }, readDelayUs: { type: 'integer' } } };

    app.get('/', { schema: { response: { 200: stateSchema } } }, async () => state());

    app.post<{ Body: { fault: ScannerFault } }>('/fault', {
      schema: {
        body: oneFieldBody('fault', { type: 'string', enum: [...SCANNER_FAULTS] }),
        response: { 200: stateSchema },
      },
    }, async (request) => {
      script.fault = request.body.fault;
      return state();
    });

    /** Slows the backend down (microseconds per buffer, 0 = full speed) to watch progress and cancel. */
    app.post<{ Body: { readDelayUs: number } }>('/speed', {
      schema: {
        body: oneFieldBody('readDelayUs', { type: 'integer', enum: [0, 1000, 5000, 10000, 50000] }),
        response: { 200: stateSchema },
      },
    }, async (request) => {
      script.readDelayUs = request.body.readDelayUs;
      return state();
    });
  };
}
