import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { boundOutbox, LeasedSender, postOnce } from '../core/outbox/leased-sender';
import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import type { AppointmentsConfig } from './config';
import type { NotificationRow } from './types';
import * as outbox from './outbox-store';

type Gateway = NonNullable<AppointmentsConfig['notify']['gateway']>;

const CONCURRENCY = 4;

/** The gateway's request: JSON `{ id, phone, text }`, `Idempotency-Key: <id>`, and `X-Signature` when a secret is set. */
export function smsRequest(gateway: Gateway, id: string, phone: string, text: string, timestamp: string) {
  const body = JSON.stringify({ id, phone, text: `${gateway.signName}${text}` });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': id, 'x-timestamp': timestamp };
  if (gateway.secret) headers['x-signature'] = createHmac('sha256', gateway.secret).update(`${timestamp}.${body}`).digest('hex');
  return { body, headers };
}

/**
 * Sends the notification outbox through the SMS gateway with the ratings' leased-outbox sender
 * (core/outbox/leased-sender.ts): 2xx is delivery, anything else is retried with backoff until
 * `deadLetterAfterHours`, then a dead letter the technician sees; a reply lost in a crash is repeated with the
 * same Idempotency-Key. The phone is unsealed only for the request and never logged or stored in an error.
 */
export class SmsSender {
  private readonly sender: LeasedSender<NotificationRow>;

  constructor(
    db: Db,
    gateway: Gateway,
    unsealPhone: (sealed: string) => string,
    clock: Clock,
    log: FastifyBaseLogger,
    onDead: (row: NotificationRow, error: string) => void,
  ) {
    const send = async (row: NotificationRow, signal: AbortSignal) => {
      if (!row.phone_sealed) throw new Error('phone erased');
      const { body, headers } = smsRequest(gateway, row.id, unsealPhone(row.phone_sealed), row.text, clock.now().toISOString());
      return postOnce(gateway.url, headers, body, gateway.timeoutMs, signal);
    };
    this.sender = new LeasedSender<NotificationRow>(
      {
        name: 'sms outbox',
        table: boundOutbox(db, outbox),
        idOf: (row) => row.id,
        concurrency: CONCURRENCY,
        timeoutMs: gateway.timeoutMs,
        initialRetryMs: gateway.initialRetryMs,
        maxRetryMs: gateway.maxRetryMs,
        deadLetterAfterHours: gateway.deadLetterAfterHours,
        send,
        scrub: (error) => error.replace(/\d{11}/g, '***********').slice(0, 300),
        hopeless: (row) => row.phone_sealed === null,
        onDead,
      },
      clock,
      log,
    );
  }

  kick(): void {
    this.sender.kick();
  }

  stop(): Promise<void> {
    return this.sender.stop();
  }
}
