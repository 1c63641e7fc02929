import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../core/schemas';

/** The masked name of the card on the kiosk's reader, when the rater left the phone there with the card read. */
function nameOfSession(app: FastifyInstance, sessionId: string | undefined): string | null {
  if (!sessionId || !app.hasDecorator('identity')) return null;
  try {
    return app.identity.resolve(sessionId).card.nameMasked;
  } catch {
    return null;
  }
}

/**
 * The rater of a 实名 差评 leaves a phone number for the reply, with consent, at the kiosk or on the phone page
 * of the ticket (the ticket id in the QR code is what lets a phone act for its ticket, as for rating).
 */
export default async function contactRoutes(app: FastifyInstance) {
  app.post<{ Body: { ticketId: string; phone: string; consent: boolean; identitySessionId?: string } }>('/api/workorders/contact', {
    schema: {
      body: {
        type: 'object',
        required: ['ticketId', 'phone', 'consent'],
        additionalProperties: false,
        properties: {
          ticketId: { type: 'string', minLength: 1, maxLength: 64 },
          phone: { type: 'string', minLength: 1, maxLength: 20 },
          consent: { type: 'boolean' },
          identitySessionId: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
      response: errorResponses,
    },
  }, async (request, reply) => {
    const { ticketId, phone, consent, identitySessionId } = request.body;
    const w = await app.workorders.leaveContact(ticketId, phone, consent, nameOfSession(app, identitySessionId));
    // Only what the rater needs to see: the masked number kept for the reply.
    return reply.status(201).send({ contact: { phoneMasked: w.rater.phoneMasked, dueDate: w.dueDate } });
  });
}
