import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { QueueService } from './service';
import { queueMigrations } from './migrations';
import type { TicketLayoutContext } from './ticket-layout';
import queueRoutes from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    queue: QueueService;
    ticketLayout: TicketLayoutContext;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    'queue.ticket.issued': { ticket: { id: string; number: string; categoryId: string } };
  }
}

export default fp(
  async function queuePlugin(app: FastifyInstance) {
    await app.store.migrate('queue', queueMigrations);
    const { hall } = app.config;
    app.decorate('queue', new QueueService(app.store, app.config.queue, hall.timezone, app.clock));
    app.decorate('ticketLayout', {
      hallName: hall.name,
      timeZone: hall.timezone,
      // server.ts sets it to the daemon's own address when the configuration does not name one.
      publicBaseUrl: hall.publicBaseUrl ?? 'http://127.0.0.1:8080',
    });
    await app.register(queueRoutes);
  },
  { name: 'queue', dependencies: ['config', 'store', 'events', 'devices', 'identity'] },
);
