import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { QueueService } from './service';
import { queueMigrations } from './migrations';
import type { TicketLayoutContext } from './ticket-layout';
import { TicketIssuing } from './issuing';
import queueRoutes from './routes';
import liveTicketRoutes from './live';

declare module 'fastify' {
  interface FastifyInstance {
    queue: QueueService;
    /** Issuing a ticket: the one path for the kiosk route, check-in and staff-issued tickets. */
    tickets: TicketIssuing;
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
    const queue = new QueueService(app.store, app.config.queue, hall.timezone, app.clock);
    const layout: TicketLayoutContext = {
      hallName: hall.name,
      timeZone: hall.timezone,
      // server.ts sets it to the daemon's own address when the configuration does not name one.
      publicBaseUrl: hall.publicBaseUrl ?? 'http://127.0.0.1:8080',
    };
    app.decorate('queue', queue);
    app.decorate('ticketLayout', layout);
    app.decorate('tickets', new TicketIssuing({
      queue,
      realName: app.realNameGate,
      printer: () => app.devices.printer,
      layout,
      events: app.events,
      kioskId: hall.kioskId,
      log: app.log,
    }));
    await app.register(queueRoutes);
    await app.register(liveTicketRoutes);
  },
  { name: 'queue', dependencies: ['config', 'store', 'events', 'devices', 'identity'] },
);
