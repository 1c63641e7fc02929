import { EventEmitter } from 'node:events';
import type { DeviceState, DeviceStatus } from '../devices/core/device-types';

/**
 * Every event the daemon pushes to the UI, by type: the one definition the daemon's `publish` and the UI's
 * handlers (type-only `@daemon/events/bus`) are both checked against. Features add their own events by
 * augmenting this interface next to the code that publishes them:
 *
 *     declare module '../events/bus' { interface KioskEvents { 'card.removed': { at: string } } }
 *
 * Events go to every WebSocket client, so they must never carry personal data in clear
 * (an ID number, a full name): mask before publishing.
 */
export interface KioskEvents {
  'device.state': { device: string; state: DeviceState; previous: DeviceState; reason?: string };
  'device.status': { device: string; status: DeviceStatus };
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
