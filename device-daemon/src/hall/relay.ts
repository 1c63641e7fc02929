import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus, KioskEvent } from '../events/bus';
import type { StoreListener, StoreNotifications } from '../store/db';

/** The NOTIFY channel every daemon of the hall listens on. */
export const HALL_CHANNEL = 'kiosk_hall_events';
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ours are a few hundred. */
const MAX_PAYLOAD = 7900;
/** The envelope around a batch: origin (a UUID) and the brackets. */
const ENVELOPE_BYTES = 60;
/**
 * How long the first event of a batch waits for others before its NOTIFY goes. Every NOTIFY is a transaction
 * here and, there, a wake-up of every daemon's listening backend and of every daemon: with 8 daemons at 50 ms
 * the relay cost PostgreSQL about 1 ms of CPU per ticket, as much as the ticket itself, and at 250 ms, once the
 * tickets were grouped, it was still most of what PostgreSQL did beyond the tickets (docs/PERFORMANCE.md,
 * hall-wide). New tickets only change waiting counts, so a batch of them waits BATCH_MS; any other event (a call,
 * a counter, a help request, a fault: what a display or a window shows at once) cuts the wait to URGENT_MS, and
 * the batch goes in order as it is. Neither delay is seen on a hall display.
 */
const BATCH_MS = 500;
const URGENT_MS = 50;
/** Events whose batch may wait BATCH_MS: they change counts, not what anyone is told to do. */
const patient = (type: string): boolean => type === 'queue.ticket.issued';

/**
 * Only queue and help-request events and device faults cross daemons: they carry numbers, counters, kiosks, 工号
 * and device names, never personal data (a help request raised at one kiosk must ring at every window of the
 * hall; a printer out of paper anywhere shows on the manager's live hall).
 */
export const relayable = (type: string): boolean => type.startsWith('queue.') || type.startsWith('help.') || type === 'device.fault';

interface Envelope {
  /** The daemon that published the events; a daemon ignores its own. */
  o: string;
  /** The events, in the order they happened: those published while the previous NOTIFY was on its way go together. */
  es?: KioskEvent[];
  /** One event, as daemons before batching sent it (a hall upgrading one daemon at a time mixes both). */
  e?: KioskEvent;
}

/**
 * Hall-wide events over the shared PostgreSQL: local `queue.*` events go out with NOTIFY (serialised, so they
 * arrive in the order they happened; the events published within BATCH_MS of the first (URGENT_MS once a call
 * or the like is among them), and while the previous NOTIFY is on its way, go out together, so a busy daemon
 * sends one round trip per burst rather than per event; never inside the ticket's own statement, where NOTIFY would serialise every commit of the hall:
 * docs/PERFORMANCE.md), and other daemons' events come
 * in through LISTEN on a dedicated
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
  /** Events (JSON) waiting for the next NOTIFY. */
  private waiting: string[] = [];
  /** The waiting events include one that is not `patient`: their batch waits only URGENT_MS. */
  private urgent = false;
  /** Shortens the running wait to URGENT_MS once an urgent event joins its batch. */
  private hurry: (() => void) | undefined;
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
    const text = JSON.stringify(event);
    if (Buffer.byteLength(text) + ENVELOPE_BYTES > MAX_PAYLOAD) return void this.log.warn({ type: event.type }, 'hall event too large to relay');
    this.waiting.push(text);
    if (!this.urgent && !patient(event.type)) {
      this.urgent = true;
      this.hurry?.();
    }
    if (this.waiting.length > 1) return; // a NOTIFY for this batch is already queued behind the one in flight
    this.outgoing = this.outgoing.then(() => this.pause()).then(() => this.flush());
  }

  /** The batch's wait, started once the previous NOTIFY has gone: URGENT_MS or BATCH_MS, cut short by `hurry`. */
  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const started = Date.now();
      let timer = setTimeout(resolve, this.urgent ? URGENT_MS : BATCH_MS);
      this.hurry = () => {
        clearTimeout(timer);
        timer = setTimeout(resolve, Math.max(0, URGENT_MS - (Date.now() - started)));
      };
    });
  }

  /** Sends what is waiting, as few NOTIFYs as the payload limit allows. */
  private async flush(): Promise<void> {
    this.hurry = undefined;
    this.urgent = false;
    const events = this.waiting.splice(0);
    while (events.length) {
      let bytes = ENVELOPE_BYTES;
      let n = 0;
      while (n < events.length && bytes + Buffer.byteLength(events[n]!) + 1 <= MAX_PAYLOAD) bytes += Buffer.byteLength(events[n++]!) + 1;
      const batch = events.splice(0, n);
      await this.link
        .notify(HALL_CHANNEL, `{"o":${JSON.stringify(this.origin)},"es":[${batch.join(',')}]}`)
        .catch((err: Error & { code?: string }) => this.log.warn({ events: batch.length, code: err.code }, 'hall events not relayed'));
    }
  }

  private receive(message: string): void {
    let env: Envelope;
    try {
      env = JSON.parse(message) as Envelope;
    } catch {
      return void this.log.warn('hall event not JSON, ignored');
    }
    if (env.o === this.origin) return;
    for (const event of env.es ?? (env.e ? [env.e] : [])) {
      if (typeof event?.type !== 'string' || !relayable(event.type)) continue;
      const { type, ...payload } = event;
      // EventBus delivers synchronously: the flag keeps this event from being sent back out.
      this.relaying = true;
      try {
        this.bus.publish(type, payload as never);
      } finally {
        this.relaying = false;
      }
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
