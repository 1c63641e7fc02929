import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { unavailable } from '../core/errors';
import { ticketDocument } from './ticket-layout';
import { errorCode } from '../devices/core/device';
import { categoriesReply, errorSchema, issueRoute, ticketIdParams, ticketNumberParams, ticketReply } from './schemas';
import { decideRealName } from './real-name';

/** Thin routes: validate, call the queue service, answer. */
export default async function queueRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/queue/categories', {
    schema: { response: { 200: categoriesReply } },
  }, async () => ({ categories: await app.queue.listCategories() }));

  app.post('/api/queue/tickets', {
    schema: issueRoute,
  }, async (request, reply) => {
    const delivery = request.body.delivery ?? 'print';
    const category = app.queue.category(request.body.categoryId);
    app.queue.assertOpen(category);
    const realName = decideRealName(app, category, request.body);
    const printer = app.devices.printer;
    if (delivery === 'print') {
      // Ask the printer before taking a number: a printer that cannot print must not use one up.
      if (!printer) throw unavailable('PRINTER_NOT_READY', '本机未配置打印机，可选择屏幕显示号码', { reason: 'NOT_FITTED' });
      await printer.ensureReady();
    }
    const ticket = await app.queue.issue({
      categoryId: category.id, delivery, kioskId: app.config.hall.kioskId, personHash: realName.personHash, priority: realName.priority,
    });
    realName.finish();
    let printError: { code: string; message: string } | undefined;
    if (delivery === 'print' && printer) {
      try {
        await printer.print(ticketDocument(ticket, app.ticketLayout));
        await app.queue.markPrinted(ticket.id);
        ticket.printed = true;
      } catch (err) {
        // The number is issued and kept: the screen shows it large instead.
        printError = { code: errorCode(err, 'PRINT_FAILED'), message: (err as Error).message };
        request.log.warn({ ticket: ticket.number, code: printError.code }, 'ticket issued but not printed');
      }
    }
    app.events.publish('queue.ticket.issued', { ticket: { id: ticket.id, number: ticket.number, categoryId: ticket.categoryId } });
    return reply.status(201).send({ ticket, ...(printError ? { printError } : {}) });
  });

  app.get('/api/queue/tickets/:id', {
    schema: {
      params: ticketIdParams,
      response: { 200: ticketReply, '4xx': errorSchema },
    },
  }, async (request) => ({ ticket: await app.queue.get(request.params.id) }));

  app.get('/api/queue/tickets/by-number/:number', {
    schema: {
      params: ticketNumberParams,
      response: { 200: ticketReply, '4xx': errorSchema },
    },
  }, async (request) => ({ ticket: await app.queue.findByNumber(request.params.number) }));
}
