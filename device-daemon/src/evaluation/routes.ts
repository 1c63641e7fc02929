import type { FastifyInstance } from 'fastify';
import { notFound } from '../core/errors';
import type { PersonChannel } from './types';
import { LEVEL_NAMES } from './types';
import * as s from './schemas';

interface RateBody {
  ticketId: string;
  level: number;
  reasons?: string[];
  comment?: string;
  channel: PersonChannel;
  identitySessionId?: string;
}

/**
 * The keyed hash of the person whose card was read at the kiosk, when the session is still alive. A session
 * that ended (card taken away long ago) only costs the real-name flag, never the rating.
 */
function personHashOf(app: FastifyInstance, sessionId: string | undefined): string | undefined {
  if (!sessionId || !app.hasDecorator('identity')) return undefined;
  try {
    return app.identity.resolve(sessionId).personHash;
  } catch {
    return undefined;
  }
}

/** The rating API a person reaches: kiosk screen, keypad flow and the phone page. Thin: validate, call, answer. */
export default async function evaluationRoutes(app: FastifyInstance) {
  app.post<{ Body: RateBody }>('/api/evaluations', {
    schema: { body: s.rateBody, response: { 201: { type: 'object', properties: { evaluation: s.evaluationSchema } }, ...s.responses } },
  }, async (request, reply) => {
    const { identitySessionId, ...input } = request.body;
    const evaluation = await app.evaluations.rate({ ...input, personHash: personHashOf(app, identitySessionId) });
    return reply.status(201).send({ evaluation });
  });

  // The reasons of a bad rating pressed on a window keypad (no screen there), added from the phone page or kiosk.
  app.post<{ Params: { id: string }; Body: { reasons: string[]; comment?: string } }>('/api/evaluations/:id/reasons', {
    schema: { params: s.idParams, body: s.reasonsBody, response: { 200: { type: 'object', properties: { evaluation: s.evaluationSchema } }, ...s.responses } },
  }, async (request) => ({ evaluation: await app.evaluations.addReasons(request.params.id, request.body.reasons, request.body.comment) }));

  app.get<{ Params: { id: string } }>('/api/evaluations/identity/:id/tickets', {
    schema: { params: s.idParams, response: s.responses },
  }, async (request) => {
    if (!app.hasDecorator('identity')) throw notFound('IDENTITY_NOT_AVAILABLE', '本机未配置身份证阅读器');
    const { personHash } = app.identity.resolve(request.params.id); // 410 IDENTITY_SESSION_EXPIRED
    const list = await app.evaluations.ticketsOfPerson(personHash);
    return {
      tickets: list.map(({ ticket, rated }) => ({ id: ticket.id, number: ticket.number, categoryName: ticket.categoryName, state: ticket.state, rated })),
    };
  });

  app.get('/api/evaluations/reasons', {
    schema: {
      response: {
        200: {
          type: 'object',
          properties: {
            reasons: { type: 'array', items: { type: 'string' } },
            levels: { type: 'array', items: { type: 'object', properties: { level: { type: 'integer' }, name: { type: 'string' } } } },
          },
        },
      },
    },
  }, async () => ({
    reasons: app.evaluations.reasons,
    levels: [5, 4, 3, 2, 1].map((level) => ({ level, name: LEVEL_NAMES[level] })),
  }));

  app.get<{ Params: { id: string } }>('/api/evaluations/by-ticket/:id', {
    schema: { params: s.idParams, response: { 200: { type: 'object', properties: { evaluation: { ...s.evaluationSchema, type: ['object', 'null'] } } }, ...s.responses } },
  }, async (request) => {
    await app.queue.get(request.params.id); // 404 for an unknown ticket
    return { evaluation: (await app.evaluations.ofTicket(request.params.id)) ?? null };
  });

  app.post<{ Body: { ticketId: string } }>('/api/evaluations/invitations', {
    schema: {
      body: { type: 'object', required: ['ticketId'], additionalProperties: false, properties: { ticketId: { type: 'string', minLength: 1, maxLength: 64 } } },
      response: { 201: { type: 'object', properties: { invitation: s.invitationSchema } }, ...s.responses },
    },
  }, async (request, reply) => reply.status(201).send({ invitation: await app.evaluationInvitations.invite(request.body.ticketId) }));

  app.delete<{ Params: { id: string } }>('/api/evaluations/invitations/:id', {
    schema: { params: s.idParams, response: { ...s.responses } },
  }, async (request, reply) => {
    app.evaluationInvitations.cancel(request.params.id);
    return reply.status(204).send();
  });
}
