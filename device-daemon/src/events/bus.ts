import { EventEmitter } from 'node:events';

/**
 * Every event the daemon pushes to the UI. Features add their own events by augmenting this interface:
 *
 *     declare module '../events/bus' { interface KioskEvents { 'card.removed': { at: string } } }
 *
 * Events go to every WebSocket client, so they must never carry personal data in clear
 * (an ID number, a full name): mask before publishing.
 */
export interface KioskEvents {
  'device.state': { device: string; state: string; previous: string; reason?: string };
  'device.status': { device: string; status: Record<string, unknown> };
  'hello': { version: string };
  /** Any message a UI sends on /api/events; read by the maintenance watchdog, never sent to clients. */
  'ui.heartbeat': { at: string };
}

export type KioskEventType = keyof KioskEvents;
export type KioskEvent = { [K in KioskEventType]: { type: K } & KioskEvents[K] }[KioskEventType];

export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish<K extends KioskEventType>(type: K, payload: KioskEvents[K]): void {
    this.emitter.emit('event', { type, ...payload } as KioskEvent);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: KioskEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
