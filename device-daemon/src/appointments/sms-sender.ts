import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import type { AppointmentsConfig } from './config';
import type { NotificationRow } from './types';
import * as outbox from './outbox-store';

type Gateway = NonNullable<AppointmentsConfig['notify']['gateway']>;

const IDLE_POLL_MS = 5_000;
const LEASE_SLACK_MS = 2_000;
const CONCURRENCY = 4;

/** Exponential backoff with equal jitter (the ratings outbox's rule), capped. */
export function retryDelayMs(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const nominal = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}

/** The gateway's request: JSON `{ id, phone, text }`, `Idempotency-Key: <id>`, and `X-Signature` when a secret is set. */
export function smsRequest(gateway: Gateway, id: string, phone: string, text: string, timestamp: string) {
  const body = JSON.stringify({ id, phone, text: `${gateway.signName}${text}` });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': id, 'x-timestamp': timestamp };
  if (gateway.secret) headers['x-signature'] = createHmac('sha256', gateway.secret).update(`${timestamp}.${body}`).digest('hex');
  return { body, headers };
}

/**
 * Sends the notification outbox through the SMS gateway, the pattern of the ratings' sender: rows leased one
 * attempt at a time (so two daemons never send one together), 2xx is delivery, anything else is retried with
 * backoff until `deadLetterAfterHours`, then a dead letter the technician sees. State lives only in the store,
 * so a restart after SIGKILL resumes; a reply lost in a crash is repeated with the same Idempotency-Key.
 * The phone is unsealed only for the request and never logged.
 */
export class SmsSender {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private rerun = false;
  private stopped = false;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly db: Db,
    private readonly gateway: Gateway,
    private readonly unsealPhone: (sealed: string) => string,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly onDead: (row: NotificationRow, error: string) => void,
  ) {}

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
      const free = CONCURRENCY - this.inFlight.size;
      const now = this.clock.now();
      const rows = free > 0 ? (await outbox.due(this.db, now.toISOString(), CONCURRENCY * 2)).filter((r) => !this.inFlight.has(r.id)) : [];
      for (const row of rows.slice(0, free)) {
        const until = new Date(now.getTime() + this.gateway.timeoutMs + LEASE_SLACK_MS).toISOString();
        if (!(await outbox.lease(this.db, row.id, now.toISOString(), until))) continue;
        this.inFlight.set(row.id, this.attempt(row).finally(() => {
          this.inFlight.delete(row.id);
          this.kick();
        }));
      }
      const next = await outbox.nextDue(this.db);
      const wait = next === null ? IDLE_POLL_MS : Date.parse(next) - this.clock.now().getTime();
      this.schedule(Math.min(IDLE_POLL_MS, Math.max(10, wait)));
    } catch (err) {
      if (!this.stopped) this.log.warn({ err: (err as Error).message }, 'sms outbox: store error, will retry');
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

  private async attempt(row: NotificationRow): Promise<void> {
    let error: string;
    try {
      if (!row.phone_sealed) throw new Error('phone erased');
      const { body, headers } = smsRequest(this.gateway, row.id, this.unsealPhone(row.phone_sealed), row.text, this.clock.now().toISOString());
      const res = await fetch(this.gateway.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.gateway.timeoutMs), this.abort.signal]),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return void (await outbox.markDelivered(this.db, row.id, this.clock.now().toISOString()));
      error = `HTTP ${res.status}`;
    } catch (err) {
      if (this.stopped) return; // the lease expires; the next start retries
      error = (err as Error).name === 'TimeoutError' ? 'timeout' : (((err as Error).cause as Error | undefined)?.message ?? (err as Error).message);
    }
    error = error.replace(/\d{11}/g, '***********').slice(0, 300);
    const now = this.clock.now();
    if (now.getTime() - Date.parse(row.created_at) >= this.gateway.deadLetterAfterHours * 3_600_000 || row.phone_sealed === null) {
      await outbox.markDead(this.db, row.id, now.toISOString(), error);
      this.log.warn({ notification: row.id, error }, 'sms moved to the dead letters');
      return this.onDead(row, error);
    }
    const delay = retryDelayMs(Number(row.attempts) + 1, this.gateway.initialRetryMs, this.gateway.maxRetryMs);
    await outbox.markRetry(this.db, row.id, new Date(now.getTime() + delay).toISOString(), error);
  }
}
