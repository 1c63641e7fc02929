import { redactUrl } from '../config/secrets';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import type { OutboxRow } from './types';
import type { UpstreamConfig } from './upstream/config';
import { scrubSecrets, signedHeaders } from './upstream/signing';
import { boundOutbox, LeasedSender, postOnce } from '../core/outbox/leased-sender';
import * as outbox from './outbox-store';

type Upstream = UpstreamConfig;

export interface SenderHooks {
  deadLetter(row: OutboxRow, error: string): void;
}

/**
 * Delivers the outbox to the provincial system: one POST per message (a rating, a 差评工单 step) with
 * `Idempotency-Key: <message id>` and the configured signature headers, fresh per attempt, through the leased
 * outbox sender (core/outbox/leased-sender.ts): 2xx is delivery, anything else (status, timeout, reset) is
 * retried with exponential backoff and jitter; a rating whose age passes `deadLetterAfterHours` becomes a dead
 * letter. Deliveries may repeat (a reply lost in a crash): the key lets the upstream keep one.
 */
export class OutboxSender {
  private readonly sender: LeasedSender<OutboxRow>;

  constructor(db: Db, upstream: Upstream, clock: Clock, log: FastifyBaseLogger, hooks: SenderHooks, random: () => number = Math.random) {
    const send = (row: OutboxRow, signal: AbortSignal) =>
      postOnce(
        upstream.url,
        {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': row.message_id,
          ...signedHeaders(upstream.signing, row.payload, clock.now()),
        },
        row.payload,
        upstream.timeoutMs,
        signal,
      );
    this.sender = new LeasedSender<OutboxRow>(
      {
        name: 'evaluation outbox',
        table: boundOutbox(db, outbox),
        idOf: (row) => row.message_id,
        concurrency: upstream.concurrency,
        timeoutMs: upstream.timeoutMs,
        initialRetryMs: upstream.initialRetryMs,
        maxRetryMs: upstream.maxRetryMs,
        deadLetterAfterHours: upstream.deadLetterAfterHours,
        send,
        scrub: (error) => scrubSecrets(withoutSecrets(error, upstream.url), upstream.signing),
        onDead: (row, error) => hooks.deadLetter(row, error),
        random,
      },
      clock,
      log,
    );
  }

  start(): void {
    this.sender.kick();
  }

  /** Look at the outbox now (a rating was just written, or a delivery finished). */
  kick(): void {
    this.sender.kick();
  }

  stop(): Promise<void> {
    return this.sender.stop();
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
