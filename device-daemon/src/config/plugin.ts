import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { KioskConfig } from './schema';
import { systemClock, type Clock } from '../core/clock';

declare module 'fastify' {
  interface FastifyInstance {
    config: KioskConfig;
    clock: Clock;
  }
}

export default fp(
  async function configPlugin(app: FastifyInstance, opts: { config: KioskConfig; clock?: Clock }) {
    app.decorate('config', opts.config);
    app.decorate('clock', opts.clock ?? systemClock);
  },
  { name: 'config' },
);
