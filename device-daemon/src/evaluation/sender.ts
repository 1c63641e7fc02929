import { redactUrl } from '../config/secrets';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import type { OutboxRow } from './types';
import type { UpstreamConfig } from './upstream/config';
import { scrubSecrets, signedHeaders } from './upstream/signing';
import { retryDelayMs } from './backoff';
import * as outbox from './outbox-store';

type Upstream = UpstreamConfig;

const IDLE_POLL_MS = 5_000;
/** A lease outlives one attempt, so a sender that died mid-request (SIGKILL) blocks the row only briefly. */
const LEASE_SLACK_MS = 2_000;

export interface SenderHooks {
  deadLetter(row: OutboxRow, error: string): void;
}

/**
 * Delivers the outbox to the provincial system: one POST per message (a rating, a 差评工单 step) with
 * `Idempotency-Key: <message id>` and the configured signature headers, fresh per attempt;
 * 2xx is delivery, anything else (status, timeout, reset) is retried with exponential backoff and jitter.
 * State lives only in the store, so a restart (even after SIGKILL) resumes where it was; a rating whose
 * age passes `deadLetterAfterHours` becomes a dead letter. Deliveries may repeat (a reply lost in a crash):
 * the key lets the upstream keep one.
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private rerun = false;
  private stopped = false;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly upstream: Upstream,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly hooks: SenderHooks,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.kick();
  }

  /** Look at the outbox now (a rating was just written, or a delivery finished). */
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
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    try {
      const free = this.upstream.concurrency - this.inFlight.size;
      if (free > 0) {
        const now = this.clock.now().toISOString();
        const rows = (await outbox.due(this.db, now, free + this.inFlight.size)).filter((r) => !this.inFlight.has(r.message_id));
        for (const row of rows.slice(0, free)) {
          const until = new Date(this.clock.now().getTime() + this.upstream.timeoutMs + LEASE_SLACK_MS).toISOString();
          if (!(await outbox.lease(this.db, row.message_id, now, until))) continue;
          const p = this.attempt(row).finally(() => {
            this.inFlight.delete(row.message_id);
            this.kick();
          });
          this.inFlight.set(row.message_id, p);
        }
      }
      await this.scheduleNext();
    } catch (err) {
      if (!this.stopped) this.log.warn({ err: (err as Error).message }, 'evaluation outbox: store error, will retry');
      this.schedule(IDLE_POLL_MS);
    } finally {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        this.kick();
      }
    }
  }

  private async scheduleNext(): Promise<void> {
    if (this.inFlight.size >= this.upstream.concurrency) return; // a finishing delivery kicks
    const next = await outbox.nextDue(this.db);
    const wait = next === null ? IDLE_POLL_MS : Date.parse(next) - this.clock.now().getTime();
    this.schedule(Math.min(IDLE_POLL_MS, Math.max(10, wait)));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async attempt(row: OutboxRow): Promise<void> {
    let error: string;
    try {
      const res = await fetch(this.upstream.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': row.message_id,
          ...signedHeaders(this.upstream.signing, row.payload, this.clock.now()),
        },
        body: row.payload,
        // A 3xx is an answer that is not 2xx: retried, never followed (a 302 would turn the POST into a GET).
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.upstream.timeoutMs), this.abort.signal]),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        await outbox.markDelivered(this.db, row.message_id, this.clock.now().toISOString());
        return;
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      if (this.stopped) return; // the lease expires; the next start retries
      error = (err as Error).name === 'TimeoutError' ? 'timeout' : ((err as Error).cause as Error | undefined)?.message ?? (err as Error).message;
    }
    await this.failed(row, scrubSecrets(withoutSecrets(error, this.upstream.url), this.upstream.signing));
  }

  private async failed(row: OutboxRow, error: string): Promise<void> {
    const now = this.clock.now();
    const attempts = Number(row.attempts) + 1;
    const ageMs = now.getTime() - Date.parse(row.created_at);
    if (ageMs >= this.upstream.deadLetterAfterHours * 3_600_000) {
      await outbox.markDead(this.db, row.message_id, now.toISOString(), error);
      this.log.warn({ outboxMessage: row.message_id, kind: row.kind, attempts, error }, 'evaluation moved to the dead letter');
      this.hooks.deadLetter({ ...row, attempts }, error);
      return;
    }
    const delay = retryDelayMs(attempts, this.upstream.initialRetryMs, this.upstream.maxRetryMs, this.random);
    await outbox.markRetry(this.db, row.message_id, new Date(now.getTime() + delay).toISOString(), error);
    this.log.debug({ outboxMessage: row.message_id, kind: row.kind, attempts, error, delay }, 'evaluation delivery failed, will retry');
  }
}

/**
 * A failure as stored in evaluation_outbox.last_error and logged: the upstream URL without credentials, query or
 * fragment, any other `user:pw@` removed, and bounded in length.
 */
export function withoutSecrets(error: string, url: string): string {
  return error
    .split(url)
    .join(redactUrl(url))
    .replace(/\/\/[^/\s@]*@/g, '//')
    .slice(0, 300);
}
