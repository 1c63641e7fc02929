import type { FastifyInstance } from 'fastify';
import { unavailable } from '../core/errors';
import { ticketDocument } from './ticket-layout';
import { errorCode } from '../devices/core/device';
import { printerUnavailable } from './printer-unavailable';
import { ticketSchema, categorySchema, errorSchema } from './schemas';
import { decideRealName, realNameBodyProperties, type RealNameRequest } from './real-name';

interface IssueBody extends RealNameRequest {
  categoryId: string;
  delivery?: 'print' | 'screen';
}

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
          ...realNameBodyProperties,
        },
      },
      response: {
        201: { type: 'object', properties: { ticket: ticketSchema, printError: { type: 'object', additionalProperties: true } } },
        '4xx': errorSchema,
        '5xx': errorSchema,
      },
    },
  }, async (request, reply) => {
    const delivery = request.body.delivery ?? 'print';
    const category = app.queue.category(request.body.categoryId);
    app.queue.assertOpen(category);
    const realName = decideRealName(app, category, request.body);
    const printer = app.devices.printer;
    if (delivery === 'print') {
      // Ask the printer before taking a number: a printer that cannot print must not use one up.
      if (!printer) throw unavailable('PRINTER_NOT_READY', '本机未配置打印机，可选择屏幕显示号码', { reason: 'NOT_FITTED' });
      await printer.ensureReady().catch(printerUnavailable);
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
