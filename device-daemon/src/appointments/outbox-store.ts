import type { Queryable } from '../store/db';
import type { NotificationKind, NotificationRow } from './types';

/**
 * The SQL of the notification outbox. A message's id is `<appointment id>:<kind>`, so writing it twice (a
 * sweep repeated, two daemons) keeps one: `ON CONFLICT DO NOTHING`. Times are ISO-8601 text.
 */
export async function enqueue(q: Queryable, appointmentId: string, kind: NotificationKind, phoneSealed: string, text: string, now: string): Promise<boolean> {
  const n = await q.execute(
    `INSERT INTO appointment_notifications (id, appointment_id, kind, phone_sealed, text, state, attempts, created_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6) ON CONFLICT (id) DO NOTHING`,
    [`${appointmentId}:${kind}`, appointmentId, kind, phoneSealed, text, now],
  );
  return n === 1;
}

export async function due(q: Queryable, now: string, limit: number): Promise<NotificationRow[]> {
  return q.query<NotificationRow>(
    `SELECT * FROM appointment_notifications WHERE state = 'pending' AND next_attempt_at <= $1
     AND (leased_until IS NULL OR leased_until < $1) ORDER BY next_attempt_at LIMIT $2`,
    [now, limit],
  );
}

/** Takes a message for one attempt; false when another sender (this daemon's or another's) took it first. */
export async function lease(q: Queryable, id: string, now: string, until: string): Promise<boolean> {
  return (await q.execute(
    `UPDATE appointment_notifications SET leased_until = $3 WHERE id = $1 AND state = 'pending' AND (leased_until IS NULL OR leased_until < $2)`,
    [id, now, until],
  )) === 1;
}

export async function markDelivered(q: Queryable, id: string, now: string): Promise<void> {
  await q.execute(
    `UPDATE appointment_notifications SET state = 'delivered', delivered_at = $2, attempts = attempts + 1, leased_until = NULL,
     last_error = NULL, phone_sealed = NULL WHERE id = $1`,
    [id, now],
  );
}

export async function markRetry(q: Queryable, id: string, next: string, error: string): Promise<void> {
  await q.execute(
    'UPDATE appointment_notifications SET attempts = attempts + 1, next_attempt_at = $2, leased_until = NULL, last_error = $3 WHERE id = $1',
    [id, next, error.slice(0, 300)],
  );
}

export async function markDead(q: Queryable, id: string, now: string, error: string): Promise<void> {
  await q.execute(
    `UPDATE appointment_notifications SET state = 'dead', attempts = attempts + 1, dead_at = $2, leased_until = NULL, last_error = $3 WHERE id = $1`,
    [id, now, error.slice(0, 300)],
  );
}

export async function revive(q: Queryable, id: string, now: string): Promise<boolean> {
  return (await q.execute(
    `UPDATE appointment_notifications SET state = 'pending', next_attempt_at = $2, created_at = $2, dead_at = NULL WHERE id = $1 AND state = 'dead'`,
    [id, now],
  )) === 1;
}

export async function counts(q: Queryable): Promise<Record<'pending' | 'delivered' | 'dead', number>> {
  const rows = await q.query<{ state: string; n: number }>('SELECT state, CAST(COUNT(*) AS INTEGER) AS n FROM appointment_notifications GROUP BY state');
  const out = { pending: 0, delivered: 0, dead: 0 };
  for (const r of rows) out[r.state as keyof typeof out] = Number(r.n);
  return out;
}

export async function deadLetters(q: Queryable, limit: number): Promise<NotificationRow[]> {
  return q.query<NotificationRow>("SELECT * FROM appointment_notifications WHERE state = 'dead' ORDER BY dead_at DESC LIMIT $1", [limit]);
}

export async function nextDue(q: Queryable): Promise<string | null> {
  const [row] = await q.query<{ t: string | null }>("SELECT MIN(next_attempt_at) AS t FROM appointment_notifications WHERE state = 'pending'");
  return row?.t ?? null;
}
