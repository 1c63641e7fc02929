import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CounterService } from './counter-service';
import { counterMigrations } from './counter-migrations';
import counterRoutes from './counter-routes';
import { counterGuard } from './counter-auth';
import type { CounterActor } from '../staff/duty-types';
import type { ServiceCase } from './counter-cases';

declare module 'fastify' {
  interface FastifyInstance {
    counters: CounterService;
    /** preHandler of every window action: a signed-in staff member's token or the window's own token. */
    counterGuard: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    /** Who is acting at the window, set by counterGuard. */
    counterActor?: CounterActor;
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

/** Counters (窗口): call, recall, serve, pass, transfer, hold and pause; see counter-service.ts. */
export default fp(
  async function counterPlugin(app: FastifyInstance) {
    await app.store.migrate('counter', counterMigrations);
    app.decorate('counters', new CounterService(app.store, app.queue, app.config.queue, app.clock, app.events, (code) => !!app.matters.get(code)));
    app.decorate('counterGuard', counterGuard(app.config.counters, app.duty, app.config.staff.length > 0));
    await app.register(counterRoutes);
  },
  { name: 'counters', dependencies: ['config', 'store', 'events', 'queue', 'staff', 'matters'] },
);
