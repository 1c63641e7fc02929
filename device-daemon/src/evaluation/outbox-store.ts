import type { Queryable } from '../store/db';
import type { OutboxKind, OutboxRow } from './types';

/**
 * The SQL of the one upstream outbox (ratings and 差评工单 steps). Times are ISO-8601 text, so text order is
 * time order. A message is written in the transaction of the change it reports, so neither is lost alone.
 */

export interface OutboxMessage {
  /** Its Idempotency-Key: unique per message, the same on every attempt. */
  id: string;
  kind: OutboxKind;
  label: string;
  payload: string;
}

export async function enqueue(q: Queryable, m: OutboxMessage, now: string): Promise<void> {
  await q.execute(
    `INSERT INTO upstream_outbox (message_id, kind, label, payload, state, attempts, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5)`,
    [m.id, m.kind, m.label, m.payload, now],
  );
}

/** Pending rows due now and not leased by a sender (this daemon's or another's in hall-wide mode). */
export async function due(q: Queryable, now: string, limit: number): Promise<OutboxRow[]> {
  return q.query<OutboxRow>(
    `SELECT * FROM upstream_outbox WHERE state = 'pending' AND next_attempt_at <= $1
     AND (leased_until IS NULL OR leased_until < $1) ORDER BY next_attempt_at LIMIT $2`,
    [now, limit],
  );
}

/** Takes a row for one attempt; false when another sender took it first. */
export async function lease(q: Queryable, id: string, now: string, until: string): Promise<boolean> {
  const n = await q.execute(
    `UPDATE upstream_outbox SET leased_until = $3 WHERE message_id = $1 AND state = 'pending'
     AND (leased_until IS NULL OR leased_until < $2)`,
    [id, now, until],
  );
  return n === 1;
}

export async function markDelivered(q: Queryable, id: string, now: string): Promise<void> {
  await q.execute(
    `UPDATE upstream_outbox SET state = 'delivered', delivered_at = $2, attempts = attempts + 1, leased_until = NULL,
     last_error = NULL WHERE message_id = $1`,
    [id, now],
  );
}

export async function markRetry(q: Queryable, id: string, next: string, error: string): Promise<void> {
  await q.execute(
    `UPDATE upstream_outbox SET attempts = attempts + 1, next_attempt_at = $2, leased_until = NULL, last_error = $3
     WHERE message_id = $1`,
    [id, next, error.slice(0, 300)],
  );
}

export async function markDead(q: Queryable, id: string, now: string, error: string): Promise<void> {
  await q.execute(
    `UPDATE upstream_outbox SET state = 'dead', attempts = attempts + 1, dead_at = $2, leased_until = NULL,
     last_error = $3 WHERE message_id = $1`,
    [id, now, error.slice(0, 300)],
  );
}

/** A technician sends a dead letter again: it becomes pending and due now. */
export async function revive(q: Queryable, id: string, now: string): Promise<boolean> {
  const n = await q.execute(
    `UPDATE upstream_outbox SET state = 'pending', next_attempt_at = $2, created_at = $2, dead_at = NULL
     WHERE message_id = $1 AND state = 'dead'`,
    [id, now],
  );
  return n === 1;
}

export async function counts(q: Queryable): Promise<Record<'pending' | 'delivered' | 'dead', number>> {
  const rows = await q.query<{ state: string; n: number }>(
    'SELECT state, CAST(COUNT(*) AS INTEGER) AS n FROM upstream_outbox GROUP BY state',
  );
  const out = { pending: 0, delivered: 0, dead: 0 };
  for (const r of rows) out[r.state as keyof typeof out] = Number(r.n);
  return out;
}

export async function deadLetters(q: Queryable, limit: number): Promise<OutboxRow[]> {
  return q.query<OutboxRow>("SELECT * FROM upstream_outbox WHERE state = 'dead' ORDER BY dead_at DESC LIMIT $1", [limit]);
}

/** The earliest time a pending row becomes due, to sleep until then. */
export async function nextDue(q: Queryable): Promise<string | null> {
  const [row] = await q.query<{ t: string | null }>("SELECT MIN(next_attempt_at) AS t FROM upstream_outbox WHERE state = 'pending'");
  return row?.t ?? null;
}
