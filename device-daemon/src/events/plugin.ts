import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EventBus } from './bus';
import { VERSION } from '../core/version';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBus;
  }
}

/**
 * The event bus and its WebSocket at /api/events: one JSON object per message, each with a `type`.
 *
 * Browsers apply no CORS to WebSocket handshakes, so any web page could open this socket to a kiosk's
 * loopback address: only the kiosk's own origin (and configured ones) may connect. Clients without an
 * Origin header are not browsers (tests, tools on the machine) and are let through.
 */
export default fp(
  async function eventsPlugin(app: FastifyInstance) {
    const bus = new EventBus();
    app.decorate('events', bus);
    await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

    // One subscription for all sockets: each event is serialised once, however many clients listen.
    // Heartbeats are for the daemon's watchdog only: no client needs every other client's heartbeat.
    const clients = new Set<(text: string) => void>();
    bus.subscribe((event) => {
      if (event.type === 'ui.heartbeat' || clients.size === 0) return;
      const text = JSON.stringify(event);
      for (const send of clients) send(text);
    });

    const allowed = new Set(app.config.server.allowedOrigins);
    const originAllowed = (req: FastifyRequest): boolean => {
      const origin = req.headers.origin;
      if (!origin) return true;
      if (allowed.has(origin)) return true;
      try {
        return new URL(origin).host === req.headers.host;
      } catch {
        return false;
      }
    };

    app.get('/api/events', { websocket: true, preValidation: async (req, reply) => {
      if (!originAllowed(req)) {
        await reply.status(403).send({ error: { code: 'ORIGIN_FORBIDDEN', message: `origin ${req.headers.origin} may not open /api/events` } });
      }
    } }, (socket) => {
      const send = (text: string) => {
        if (socket.readyState === socket.OPEN) socket.send(text);
      };
      send(JSON.stringify({ type: 'hello', version: VERSION }));
      for (const device of app.deviceList?.() ?? []) {
        send(JSON.stringify({ type: 'device.status', device: device.name, status: device.status() }));
      }
      clients.add(send);
      const forget = () => clients.delete(send);
      socket.on('close', forget);
      socket.on('error', forget);
      // The UI only listens; any message from it is a heartbeat (see maintenance watchdog).
      socket.on('message', () => app.events.publish('ui.heartbeat', { at: new Date().toISOString() }));
    });
  },
  { name: 'events', dependencies: ['config'] },
);
