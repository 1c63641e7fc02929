import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { HallRelay } from './relay';
import voiceRoutes, { Voice } from './voice';

declare module '../events/bus' {
  interface KioskEvents {
    /** The hall-wide event link (PostgreSQL mode) came up or went down; on `up`, pages refetch what they show. */
    'hall.link': { state: 'up' | 'down' };
  }
}

/**
 * The hall display's side of the hall: the voice route, and, when the store carries notifications between
 * daemons (hall-wide PostgreSQL), the relay that carries `queue.*` events between
 * daemons, so a counter calling on one daemon reaches the display served by another.
 */
export default fp(
  async function hallPlugin(app: FastifyInstance, opts: { voice?: Voice }) {
    // Decorated here (this plugin is not encapsulated) so /api/kiosk and the technician's page can read its status.
    const voice = opts.voice ?? new Voice('espeak-ng', app.config.ui.voice.language);
    app.decorate('voice', voice);
    await app.register(voiceRoutes, { voice });
    const link = app.store.notifications;
    if (link) {
      const relay = new HallRelay(link, app.events, app.log.child({ area: 'hall-relay' }));
      app.addHook('onReady', () => relay.start());
      // Before the store closes (onClose hooks of later plugins run first): queued NOTIFYs still go out.
      app.addHook('onClose', () => relay.stop());
    }
  },
  { name: 'hall', dependencies: ['config', 'store', 'events', 'queue'] },
);
