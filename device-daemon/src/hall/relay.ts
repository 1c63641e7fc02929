import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus, KioskEvent } from '../events/bus';
import type { StoreListener, StoreNotifications } from '../store/db';

/** The NOTIFY channel every daemon of the hall listens on. */
export const HALL_CHANNEL = 'kiosk_hall_events';
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ours are a few hundred. */
const MAX_PAYLOAD = 7900;

/**
 * Only queue and help-request events and device faults cross daemons: they carry numbers, counters, kiosks, 工号
 * and device names, never personal data (a help request raised at one kiosk must ring at every window of the
 * hall; a printer out of paper anywhere shows on the manager's live hall).
 */
export const relayable = (type: string): boolean => type.startsWith('queue.') || type.startsWith('help.') || type === 'device.fault';

interface Envelope {
  /** The daemon that published the event; a daemon ignores its own. */
  o: string;
  e: KioskEvent;
}

/**
 * Hall-wide events over the shared PostgreSQL: local `queue.*` events go out with NOTIFY (serialised, so they
 * arrive in the order they happened), and other daemons' events come in through LISTEN on a dedicated
 * connection that reconnects with backoff. Events published while the link is down are lost, so every
 * (re)connection publishes `hall.link` `{ state: 'up' }` locally: pages refetch what they show.
 */
export class HallRelay {
  readonly origin = randomUUID();
  private listener: StoreListener | undefined;
  private relaying = false;
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private outgoing: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly link: StoreNotifications,
    private readonly bus: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = this.bus.subscribe((event) => this.send(event));
    await this.connect();
  }

  private send(event: KioskEvent): void {
    if (this.relaying || this.stopped || !relayable(event.type)) return;
    const payload = JSON.stringify({ o: this.origin, e: event } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) return void this.log.warn({ type: event.type }, 'hall event too large to relay');
    this.outgoing = this.outgoing
      .then(() => this.link.notify(HALL_CHANNEL, payload))
      .catch((err: Error & { code?: string }) => this.log.warn({ type: event.type, code: err.code }, 'hall event not relayed'));
  }

  private receive(message: string): void {
    let env: Envelope;
    try {
      env = JSON.parse(message) as Envelope;
    } catch {
      return void this.log.warn('hall event not JSON, ignored');
    }
    if (env.o === this.origin || typeof env.e?.type !== 'string' || !relayable(env.e.type)) return;
    const { type, ...payload } = env.e;
    // EventBus delivers synchronously: the flag keeps this event from being sent back out.
    this.relaying = true;
    try {
      this.bus.publish(type, payload as never);
    } finally {
      this.relaying = false;
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const listener: StoreListener = await this.link.listen(
        HALL_CHANNEL,
        (message) => this.receive(message),
        () => this.lost(listener),
      );
      if (this.stopped) return void (await listener.close());
      this.listener = listener;
      this.attempt = 0;
      this.log.info('hall event relay listening');
      this.bus.publish('hall.link', { state: 'up' });
    } catch (err) {
      this.log.warn({ code: (err as { code?: string }).code }, 'hall event relay cannot connect, retrying');
      this.retry();
    }
  }

  private lost(listener: StoreListener): void {
    if (this.listener !== listener) return;
    this.listener = undefined;
    if (this.stopped) return;
    this.log.warn('hall event relay lost its connection, reconnecting');
    this.bus.publish('hall.link', { state: 'down' });
    this.retry();
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, delay);
  }

  get listening(): boolean {
    return this.listener !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    await this.outgoing;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.close();
  }
}
