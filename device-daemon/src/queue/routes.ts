import type { FastifyInstance } from 'fastify';
import { ticketSchema, categorySchema, errorSchema } from './schemas';
import type { TicketRequest } from './issuing';
import type { Delivery } from './types';

type IssueBody = Omit<TicketRequest, 'source' | 'delivery' | 'priorityGrant' | 'appointmentId'> & { delivery?: Delivery };

/** Thin routes: validate, call the queue service, answer. */
export default async function queueRoutes(app: FastifyInstance) {
  app.get('/api/queue/categories', {
    schema: { response: { 200: { type: 'object', properties: { categories: { type: 'array', items: categorySchema } } } } },
  }, async () => ({ categories: await app.queue.listCategories() }));

  app.post<{ Body: IssueBody }>('/api/queue/tickets', {
    schema: {
      body: {
        type: 'object',
        required: ['categoryId'],
        additionalProperties: false,
        properties: {
          categoryId: { type: 'string', pattern: '^[A-Z]$' },
          delivery: { type: 'string', enum: ['print', 'screen'] },
          identitySessionId: { type: 'string', minLength: 1, maxLength: 64 },
          priority: { type: 'boolean' },
        },
      },
      response: {
        201: { type: 'object', properties: { ticket: ticketSchema, printError: { type: 'object', additionalProperties: true } } },
        '4xx': errorSchema,
        '5xx': errorSchema,
      },
    },
  }, async (request, reply) => {
    const issued = await app.tickets.issue({ ...request.body, delivery: request.body.delivery ?? 'print', source: 'kiosk' });
    return reply.status(201).send(issued);
  });

  app.get<{ Params: { id: string } }>('/api/queue/tickets/:id', {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } },
      response: { 200: { type: 'object', properties: { ticket: ticketSchema } }, '4xx': errorSchema },
    },
  }, async (request) => ({ ticket: await app.queue.get(request.params.id) }));

  app.get<{ Params: { number: string } }>('/api/queue/tickets/by-number/:number', {
    schema: {
      params: { type: 'object', properties: { number: { type: 'string', pattern: '^[A-Za-z][0-9]{3}$' } } },
      response: { 200: { type: 'object', properties: { ticket: ticketSchema } }, '4xx': errorSchema },
    },
  }, async (request) => ({ ticket: await app.queue.findByNumber(request.params.number) }));
}
