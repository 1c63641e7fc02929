import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { LoopbackTransport } from '../../core/loopback-transport';
import { oneFieldBody } from '../../core/sim-schema';
import { badRequest } from '../../../core/errors';
import { encodeTextBlock, type CardText } from '../codec/text-block';
import { CARD_PROFILES } from './profiles';
import { FIND_AFTER_READ, SIM_FAULTS, type FindAfterRead, type IdCardSimulator, type SimFault } from './simulator';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

/** A custom card: any content, even one a real reader would refuse (a wrong check digit), to test refusals. */
const customCard = {
  type: 'object',
  additionalProperties: false,
  required: ['cardType', 'name', 'gender', 'birthDate', 'idNumber', 'validFrom', 'validTo'],
  properties: {
    cardType: { type: 'string', enum: ['resident', 'hk-macao-taiwan', 'foreign-2017', 'foreign-2023'] },
    name: text(15), nameEnglish: text(60), gender: { type: 'string', enum: ['male', 'female', 'unknown', 'unspecified'] },
    birthDate: date, idNumber: text(18), nation: text(12), nationCode: { type: 'string', pattern: '^\\d{2}$' },
    nationality: text(3), address: text(35), issuer: text(15), validFrom: date,
    validTo: { anyOf: [date, { type: 'string', const: '长期' }] }, passNumber: text(9), issueCount: text(2),
    renewalCount: text(2), cardVersion: text(2), authorityCode: text(4),
  },
} as const;

interface CardBody {
  profile?: string;
  card?: CardText;
}

/**
 * The scripting API of the simulated reader, under /api/sim/idReader (docs/INTERFACE.md): put a card on and take it
 * off, choose a fault. Bodies here may hold (invented) personal data: nothing in these routes logs a body.
 */
export function idReaderSimRoutes(sim: IdCardSimulator, transport: LoopbackTransport): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.get('/cards', async () => ({ profiles: Object.keys(CARD_PROFILES) }));

    app.get('/state', async () => ({ hasCard: sim.hasCard, fault: sim.fault, findAfterRead: sim.findAfterRead, plugged: transport.plugged }));

    // Which of the two module behaviours seen in the field the simulated module has (simulator.ts).
    app.post<{ Body: { findAfterRead: FindAfterRead } }>('/behaviour', {
      schema: { body: oneFieldBody('findAfterRead', { type: 'string', enum: [...FIND_AFTER_READ] }) },
    }, async (request) => {
      sim.findAfterRead = request.body.findAfterRead;
      return { findAfterRead: sim.findAfterRead };
    });

    app.post<{ Body: CardBody }>('/card', {
      schema: {
        body: {
          type: 'object', additionalProperties: false,
          properties: { profile: { type: 'string', enum: Object.keys(CARD_PROFILES) }, card: customCard },
        },
      },
    }, async (request) => {
      const { profile, card } = request.body;
      const chosen = card ?? (profile ? CARD_PROFILES[profile] : undefined);
      if (!chosen || (card && profile)) throw badRequest('CARD_REQUIRED', 'body needs exactly one of "profile" or "card"');
      try {
        encodeTextBlock(chosen);
      } catch (err) {
        throw badRequest('CARD_INVALID', (err as Error).message);
      }
      sim.putCard(chosen);
      return { placed: profile ?? 'custom' };
    });

    app.delete('/card', async () => {
      sim.removeCard();
      return { removed: true };
    });

    app.post<{ Body: { fault: SimFault } }>('/fault', {
      schema: {
        body: oneFieldBody('fault', { type: 'string', enum: [...SIM_FAULTS] }),
      },
    }, async (request) => {
      const { fault } = request.body;
      if (fault === 'unplug') transport.unplug();
      else {
        transport.plug();
        sim.fault = fault;
      }
      return { fault };
    });
  };
}
