import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import { retryDelayMs } from './backoff';

const IDLE_POLL_MS = 5_000;
/** A lease outlives one attempt, so a sender that died mid-request (SIGKILL) blocks the row only briefly. */
const LEASE_SLACK_MS = 2_000;

/** An outbox table as the sender uses it: rows due, a lease per attempt, and the three outcomes. */
export interface OutboxTable<Row> {
  due(now: string, limit: number): Promise<Row[]>;
  /** Takes the row until `until` if nobody holds it; false when another sender (daemon) has it. */
  lease(id: string, now: string, until: string): Promise<boolean>;
  nextDue(): Promise<string | null>;
  markDelivered(id: string, now: string): Promise<void>;
  markRetry(id: string, next: string, error: string): Promise<void>;
  markDead(id: string, now: string, error: string): Promise<void>;
}

/** An outbox's store functions as features write them (the store first), e.g. `import * as outbox from './outbox-store'`. */
export interface OutboxStoreModule<Q, Row> {
  due(q: Q, now: string, limit: number): Promise<Row[]>;
  lease(q: Q, id: string, now: string, until: string): Promise<boolean>;
  nextDue(q: Q): Promise<string | null>;
  markDelivered(q: Q, id: string, now: string): Promise<void>;
  markRetry(q: Q, id: string, next: string, error: string): Promise<void>;
  markDead(q: Q, id: string, now: string, error: string): Promise<void>;
}

/** Those functions bound to one store: the table the sender works on. */
export function boundOutbox<Q, Row>(q: Q, m: OutboxStoreModule<Q, Row>): OutboxTable<Row> {
  return {
    due: (now, limit) => m.due(q, now, limit),
    lease: (id, now, until) => m.lease(q, id, now, until),
    nextDue: () => m.nextDue(q),
    markDelivered: (id, now) => m.markDelivered(q, id, now),
    markRetry: (id, next, error) => m.markRetry(q, id, next, error),
    markDead: (id, now, error) => m.markDead(q, id, now, error),
  };
}

export interface LeasedSenderOptions<Row extends { attempts: number; created_at: string }> {
  /** For log lines: `evaluation outbox`, `sms outbox`. */
  name: string;
  table: OutboxTable<Row>;
  idOf(row: Row): string;
  concurrency: number;
  /** One attempt's limit; the lease lasts this plus a slack. */
  timeoutMs: number;
  initialRetryMs: number;
  maxRetryMs: number;
  deadLetterAfterHours: number;
  /** One delivery attempt: resolves when delivered; rejects (or resolves with a failure text) when not. */
  send(row: Row, signal: AbortSignal): Promise<string | null>;
  /** The failure as it may be stored and logged: secrets, phone numbers, credentials taken out. */
  scrub(error: string): string;
  /** A row that can never be delivered (e.g. its phone erased) goes to the dead letters at its first failure. */
  hopeless?(row: Row): boolean;
  onDead(row: Row, error: string): void;
  random?: () => number;
}

/**
 * Delivers an outbox kept in the store, the one pattern of the ratings' upstream and the SMS gateway: rows are
 * leased one attempt at a time (two daemons on one PostgreSQL never send a row together), a delivery is marked
 * in the store, anything else is retried with exponential backoff and equal jitter until the row is older than
 * `deadLetterAfterHours`, then it is a dead letter. State lives only in the store, so a restart (even after
 * SIGKILL) resumes where it was; a reply lost in a crash is repeated, and the receiver keeps one by its key.
 */
export class LeasedSender<Row extends { attempts: number; created_at: string }> {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private rerun = false;
  private stopped = false;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly opts: LeasedSenderOptions<Row>,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Look at the outbox now (a row was just written, or a delivery finished). */
  kick(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) return void (this.rerun = true);
    this.running = true;
    try {
      const { table, idOf, concurrency } = this.opts;
      const free = concurrency - this.inFlight.size;
      if (free > 0) {
        const now = this.clock.now().toISOString();
        const rows = (await table.due(now, free + this.inFlight.size)).filter((r) => !this.inFlight.has(idOf(r)));
        for (const row of rows.slice(0, free)) {
          const until = new Date(this.clock.now().getTime() + this.opts.timeoutMs + LEASE_SLACK_MS).toISOString();
          if (!(await table.lease(idOf(row), now, until))) continue;
          const p = this.attempt(row).finally(() => {
            this.inFlight.delete(idOf(row));
            this.kick();
          });
          this.inFlight.set(idOf(row), p);
        }
      }
      if (this.inFlight.size < concurrency) {
        // (When every slot is busy, a finishing delivery kicks.)
        const next = await table.nextDue();
        const wait = next === null ? IDLE_POLL_MS : Date.parse(next) - this.clock.now().getTime();
        this.schedule(Math.min(IDLE_POLL_MS, Math.max(10, wait)));
      }
    } catch (err) {
      if (!this.stopped) this.log.warn({ err: (err as Error).message }, `${this.opts.name}: store error, will retry`);
      this.schedule(IDLE_POLL_MS);
    } finally {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        this.kick();
      }
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async attempt(row: Row): Promise<void> {
    const id = this.opts.idOf(row);
    let error: string | null;
    try {
      error = await this.opts.send(row, this.abort.signal);
    } catch (err) {
      if (this.stopped) return; // the lease expires; the next start retries
      const e = err as Error;
      error = e.name === 'TimeoutError' ? 'timeout' : ((e.cause as Error | undefined)?.message ?? e.message);
    }
    if (error === null) return this.opts.table.markDelivered(id, this.clock.now().toISOString());
    error = this.opts.scrub(error);
    const now = this.clock.now();
    const attempts = Number(row.attempts) + 1;
    const old = now.getTime() - Date.parse(row.created_at) >= this.opts.deadLetterAfterHours * 3_600_000;
    if (old || this.opts.hopeless?.(row)) {
      await this.opts.table.markDead(id, now.toISOString(), error);
      this.log.warn({ outboxMessage: id, attempts, error }, `${this.opts.name}: moved to the dead letters`);
      return this.opts.onDead({ ...row, attempts }, error);
    }
    const delay = retryDelayMs(attempts, this.opts.initialRetryMs, this.opts.maxRetryMs, this.opts.random);
    await this.opts.table.markRetry(id, new Date(now.getTime() + delay).toISOString(), error);
    this.log.debug({ outboxMessage: id, attempts, error, delay }, `${this.opts.name}: delivery failed, will retry`);
  }
}

/**
 * One POST: resolves null on 2xx, `HTTP <status>` otherwise (a 3xx is an answer that is not 2xx: retried, never
 * followed, since a 302 would turn the POST into a GET); rejects on a timeout, a reset or `signal`.
 */
export async function postOnce(url: string, headers: Record<string, string>, body: string, timeoutMs: number, signal: AbortSignal): Promise<string | null> {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), signal]),
  });
  await res.arrayBuffer().catch(() => undefined);
  return res.ok ? null : `HTTP ${res.status}`;
}
