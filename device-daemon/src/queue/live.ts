import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorSchema, ticketIdParams } from './schemas';

/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** Queue events come in bursts (a call is two events): one read of the ticket per burst. */
const COALESCE_MS = 100;
/** A phone page open all day does not hold the stream forever; EventSource reconnects by itself. */
const MAX_STREAM_MS = 30 * 60_000;

/**
 * `GET /api/queue/tickets/:id/live`: the phone page follows its ticket as server-sent events instead of
 * polling (a phone opens no WebSocket to the kiosk). Each `ticket` event is the ticket as
 * `GET /api/queue/tickets/:id` shows it, sent at once and after every queue event (hall-wide ones arrive
 * through the relay). An unknown ticket is a plain 404 before any stream starts.
 */
export default async function liveTicketRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Open streams end when the daemon closes, or close() would wait for every phone to hang up.
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });
  app.get('/api/queue/tickets/:id/live', { schema: { params: ticketIdParams, response: { '4xx': errorSchema } } }, async (request, reply) => {
    const id = request.params.id;
    const first = await app.queue.get(id);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let last = '';
    const send = (ticket: unknown) => {
      const text = JSON.stringify(ticket);
      if (text === last) return;
      last = text;
      res.write(`event: ticket\ndata: ${text}\n\n`);
    };
    send(first);
    let pending: NodeJS.Timeout | undefined;
    const refresh = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        app.queue.get(id).then(send, () => undefined);
      }, COALESCE_MS);
    };
    const unsubscribe = app.events.subscribe((e) => {
      if (e.type.startsWith('queue.')) refresh();
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      clearTimeout(pending);
      clearTimeout(limit);
      unsubscribe();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    const limit = setTimeout(end, MAX_STREAM_MS);
    request.raw.once('close', end);
  });
}
