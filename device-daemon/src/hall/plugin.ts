import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import counterPlugin from '../queue/counter-plugin';
import { PostgresDb } from '../store/postgres';
import { HallRelay } from './relay';
import voiceRoutes from './voice';

declare module '../events/bus' {
  interface KioskEvents {
    /** The hall-wide event link (PostgreSQL mode) came up or went down; on `up`, pages refetch what they show. */
    'hall.link': { state: 'up' | 'down' };
  }
}

/**
 * Hall staff: counters call numbers, the hall display announces them. Registers the counter service and
 * routes, the voice route, and in hall-wide (PostgreSQL) mode the relay that carries `queue.*` events between
 * daemons, so a counter calling on one daemon reaches the display served by another.
 */
export default fp(
  async function hallPlugin(app: FastifyInstance) {
    await app.register(counterPlugin);
    await app.register(voiceRoutes);
    if (app.store instanceof PostgresDb) {
      const relay = new HallRelay(app.store, app.events, app.log.child({ area: 'hall-relay' }));
      app.addHook('onReady', () => relay.start());
      // Before the store closes (onClose hooks of later plugins run first): queued NOTIFYs still go out.
      app.addHook('onClose', () => relay.stop());
    }
  },
  { name: 'hall', dependencies: ['config', 'store', 'events', 'queue'] },
);
