import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
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
 * loopback address: only the kiosk's own origin (and configured ones) may connect, on an allowed Host
 * (plugins/host-guard.ts). Clients without an Origin header are not browsers (tests, tools on the machine).
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

    // Host and Origin are checked for every request, this handshake included, by plugins/host-guard.ts.
    app.get('/api/events', { websocket: true }, (socket) => {
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
