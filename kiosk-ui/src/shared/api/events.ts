/**
 * The daemon's event stream (/api/events WebSocket): one JSON object per message with a `type`.
 * Reconnects by itself with backoff; sends a heartbeat so the daemon's watchdog knows the UI is alive.
 *
 * The events are the daemon's own union (each feature declares its events on the bus): handlers narrow by
 * `type` without casts. Type-only import, erased at build.
 */
import type { KioskEvent, KioskEventType } from '@daemon/events/bus';
export type { KioskEvent, KioskEventType };
/** The event of one type, e.g. `EventOf<'queue.called'>`. */
export type EventOf<K extends KioskEventType> = Extract<KioskEvent, { type: K }>;
/** A type, or every type of an area: `'queue.*'` matches `queue.called`, `queue.ticket.issued`… */
export type EventPattern = KioskEventType | (KioskEventType extends infer T ? (T extends `${infer Area}.${string}` ? `${Area}.*` : never) : never);

export function matches(pattern: EventPattern, type: KioskEventType): boolean {
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

type Handler = (event: KioskEvent) => void;

const HEARTBEAT_MS = 10_000;

class EventStream {
  private socket: WebSocket | undefined;
  private readonly handlers = new Set<Handler>();
  private readonly connection = new Set<(connected: boolean) => void>();
  private attempt = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private started = false;
  connected = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
  }

  private connect(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setConnected(true);
      this.heartbeat = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send('{"type":"heartbeat"}'), HEARTBEAT_MS);
    };
    socket.onmessage = (message) => {
      let event: KioskEvent;
      try {
        event = JSON.parse(String(message.data)) as KioskEvent;
      } catch {
        return;
      }
      this.handlers.forEach((h) => h(event));
    };
    socket.onclose = () => {
      clearInterval(this.heartbeat);
      this.setConnected(false);
      const delay = Math.min(10_000, 500 * 2 ** this.attempt++);
      setTimeout(() => this.connect(), delay);
    };
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.connection.forEach((l) => l(connected));
  }

  subscribe(handler: Handler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.connection.add(listener);
    return () => this.connection.delete(listener);
  }
}

export const events = new EventStream();
