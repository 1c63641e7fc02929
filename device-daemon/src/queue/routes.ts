import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TicketQr } from './ticket-qr';
import { categoriesReply, errorSchema, issueRoute, ticketIdParams, ticketNumberParams, ticketReply } from './schemas';

/** Thin routes: validate, call the queue service, answer. */
export default async function queueRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/queue/categories', {
    schema: { response: { 200: categoriesReply } },
  }, async () => ({ categories: await app.queue.listCategories() }));

  // Never compressed: its answer (a ticket, 400-800 bytes) is always under the compressor's threshold (1 KB), so
  // the compressor's hooks would only look at every ticket to leave it alone (docs/PERFORMANCE.md).
  app.post('/api/queue/tickets', {
    schema: issueRoute,
    compress: false,
  }, async (request, reply) => {
    const issued = await app.tickets.issue({ ...request.body, delivery: request.body.delivery ?? 'print', source: 'kiosk' });
    return reply.status(201).send(issued);
  });

  app.get('/api/queue/tickets/:id', {
    schema: {
      params: ticketIdParams,
      response: { 200: ticketReply, '4xx': errorSchema },
    },
  }, async (request) => ({ ticket: await app.queue.get(request.params.id) }));

  // The ticket's QR code (its phone page) for a screen-only ticket; 404 for an unknown ticket, cached a day.
  // Not JSON: on the untyped instance, since the TypeBox provider types every answer by the JSON schemas.
  const qr = new TicketQr(app.ticketLayout.publicBaseUrl);
  fastify.get<{ Params: { id: string } }>('/api/queue/tickets/:id/qr.svg', {
    schema: { params: ticketIdParams, response: { '4xx': errorSchema } },
  }, async (request, reply) => {
    await app.queue.get(request.params.id);
    const svg = await qr.svg(request.params.id);
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400, immutable').send(svg);
  });

  app.get('/api/queue/tickets/by-number/:number', {
    schema: {
      params: ticketNumberParams,
      response: { 200: ticketReply, '4xx': errorSchema },
    },
  }, async (request) => ({ ticket: await app.queue.findByNumber(request.params.number) }));
}
