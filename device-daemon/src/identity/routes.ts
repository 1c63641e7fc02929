import type { FastifyInstance } from 'fastify';
import { errorSchema } from '../core/schemas';

const maskedCard = {
  type: 'object',
  properties: {
    cardType: { type: 'string' }, nameMasked: { type: 'string' }, idNumberMasked: { type: 'string' },
    gender: { type: 'string' }, genderText: { type: 'string' }, age: { type: 'integer' },
    validTo: { type: 'string' }, expired: { type: 'boolean' }, photo: { type: 'string' },
  },
} as const;

/** The screen's view of a session; the schema is also the serializer, so no personHash or full data leaks. */
const sessionView = {
  type: 'object',
  properties: {
    sessionId: { type: 'string' }, card: maskedCard, eligibleForPriority: { type: 'boolean' },
    cardPresent: { type: 'boolean' }, age: { type: 'integer' },
  },
} as const;


/** Thin routes over app.identity. */
export default async function identityRoutes(app: FastifyInstance) {
  /**
   * The person at the reader now, so a screen opened after the card was placed can catch up; `cardLeft`: a
   * card lies there whose session ended, so it must be lifted and placed again to be read.
   */
  app.get('/api/identity/session', {
    schema: {
      response: {
        200: { type: 'object', properties: { session: { anyOf: [sessionView, { type: 'null' }] }, cardLeft: { type: 'boolean' } } },
      },
    },
  }, async () => ({ session: app.identity.current() ?? null, cardLeft: app.identity.leftOnReader() }));

  /** What the kiosk may offer this person (绿色通道 by age). */
  app.get<{ Params: { id: string } }>('/api/identity/session/:id/offer', {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } },
      response: { 200: { type: 'object', properties: { eligibleForPriority: { type: 'boolean' }, age: { type: 'integer' } } }, '4xx': errorSchema },
    },
  }, async (request) => {
    const view = app.identity.resolve(request.params.id);
    return { eligibleForPriority: view.eligibleForPriority, age: view.age };
  });

  /** The page timed out or the person left: forget every session now. */
  app.delete('/api/identity/session', {
    schema: { response: { 200: { type: 'object', properties: { ended: { type: 'integer' } } } } },
  }, async () => ({ ended: app.identity.endAll('page-timeout') }));

  app.delete<{ Params: { id: string } }>('/api/identity/session/:id', {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } },
      response: { 200: { type: 'object', properties: { ended: { type: 'integer' } } } },
    },
  }, async (request) => ({ ended: app.identity.end(request.params.id, 'page-timeout') ? 1 : 0 }));
}
