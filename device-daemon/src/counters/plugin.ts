import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { CounterService } from './service';
import { counterMigrations } from './migrations';
import counterRoutes from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    counters: CounterService;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** A call or a recall (重呼), for the hall display: the number and the counter, never personal data. */
    'queue.called': { number: string; counter: number; categoryId: string; recall: boolean };
    /** A counter changed: its state and the number at it, for counter pages and waiting counts. */
    'queue.counter': { counter: number; state: 'open' | 'paused'; number: string | null; ticketState: string | null };
  }
}

/** Counters (窗口): call, recall, serve, pass, transfer, hold and pause; see service.ts. */
export default fp(
  async function counterPlugin(app: FastifyInstance) {
    await app.store.migrate('counter', counterMigrations);
    app.decorate('counters', new CounterService(app.store, app.queue, app.config.queue, app.clock, app.events, app.config.appointments.aheadOfWalkIns));
    await app.register(counterRoutes);
  },
  { name: 'counters', dependencies: ['config', 'store', 'events', 'queue'] },
);
