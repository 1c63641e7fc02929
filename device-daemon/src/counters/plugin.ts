import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { counterGuard } from '../core/guards';
import { CounterService } from './service';
import { counterMigrations } from './migrations';
import counterRoutes from './routes';
import type { ServiceCase } from './cases';

declare module 'fastify' {
  interface FastifyInstance {
    counters: CounterService;
    /** onRequest hook of every window action: a signed-in staff member's token or the window's own token. */
    counterGuard: (request: FastifyRequest) => Promise<void>;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** A call or a recall (重呼), for the hall display: the number and the counter, never personal data. */
    'queue.called': { number: string; counter: number; categoryId: string; recall: boolean };
    /** A counter changed: its state and the number at it, for counter pages and waiting counts. */
    'queue.counter': { counter: number; state: 'open' | 'paused'; number: string | null; ticketState: string | null };
    /** A window finished a service (办结): the 办件 record, no personal data; the window's keypad is invited from it. */
    'queue.finished': ServiceCase;
  }
}

/** Counters (窗口): call, recall, serve, pass, transfer, hold and pause; see service.ts. */
export default fp(
  async function counterPlugin(app: FastifyInstance) {
    await app.store.migrate('counter', counterMigrations);
    app.decorate('counters', new CounterService(app.store, app.queue, app.config.queue, app.clock, app.events, (code) => !!app.matters.get(code), app.config.appointments.aheadOfWalkIns));
    app.decorate('counterGuard', counterGuard(app.config.counters, app.duty, app.config.staff.length > 0));
    await app.register(counterRoutes);
  },
  { name: 'counters', dependencies: ['config', 'store', 'events', 'queue', 'staff', 'matters'] },
);
