import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { notFound } from '../core/errors';
import { LEVEL_NAMES } from './types';
import * as s from './schemas';

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
export default async function evaluationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/evaluations', {
    schema: { body: s.rateBody, response: { 201: s.rateReply, ...s.responses } },
  }, async (request, reply) => {
    const { identitySessionId, ...input } = request.body;
    const evaluation = await app.evaluations.rate({ ...input, personHash: personHashOf(app, identitySessionId) });
    return reply.status(201).send({ evaluation });
  });

  // The reasons of a bad rating pressed on a window keypad (no screen there), added from the phone page or kiosk.
  app.post('/api/evaluations/:id/reasons', {
    schema: { params: s.idParams, body: s.reasonsBody, response: { 200: s.rateReply, ...s.responses } },
  }, async (request) => ({ evaluation: await app.evaluations.addReasons(request.params.id, request.body.reasons, request.body.comment) }));

  app.get('/api/evaluations/identity/:id/tickets', {
    schema: { params: s.idParams, response: { 200: s.personTicketsReply, ...s.responses } },
  }, async (request) => {
    if (!app.hasDecorator('identity')) throw notFound('IDENTITY_NOT_AVAILABLE', '本机未配置身份证阅读器');
    const { personHash } = app.identity.resolve(request.params.id); // 410 IDENTITY_SESSION_EXPIRED
    const list = await app.evaluations.ticketsOfPerson(personHash);
    return {
      tickets: list.map(({ ticket, rated }) => ({ id: ticket.id, number: ticket.number, categoryName: ticket.categoryName, state: ticket.state, rated })),
    };
  });

  app.get('/api/evaluations/reasons', {
    schema: { response: { 200: s.reasonsReply } },
  }, async () => ({
    reasons: app.evaluations.reasons,
    levels: [5, 4, 3, 2, 1].map((level) => ({ level, name: LEVEL_NAMES[level]! })),
  }));

  app.get('/api/evaluations/by-ticket/:id', {
    schema: { params: s.idParams, response: { 200: s.ratingOfTicketReply, ...s.responses } },
  }, async (request) => {
    await app.queue.get(request.params.id); // 404 for an unknown ticket
    return { evaluation: (await app.evaluations.ofTicket(request.params.id)) ?? null };
  });

  app.post('/api/evaluations/invitations', {
    schema: { body: s.inviteBody, response: { 201: s.invitationReply, ...s.responses } },
  }, async (request, reply) => reply.status(201).send({ invitation: await app.evaluationInvitations.invite(request.body.ticketId) }));

  // 204 has no body to type: the plain instance, with the params' type taken from their schema.
  fastify.delete<{ Params: Static<typeof s.idParams> }>('/api/evaluations/invitations/:id', {
    schema: { params: s.idParams, response: { ...s.responses } },
  }, async (request, reply) => {
    app.evaluationInvitations.cancel(request.params.id);
    return reply.status(204).send();
  });
}
