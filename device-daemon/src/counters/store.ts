import { randomUUID } from 'node:crypto';
import type { Queryable, SqlValue } from '../store/db';
import type { TicketRow, TicketState } from '../queue/types';
import type { CallRecord, CounterRow } from './types';

/**
 * The SQL of the counter service, every statement portable between SQLite and PostgreSQL (store/db.ts).
 * Each function takes the `q` of the caller's transaction.
 */

/**
 * Creates the counter's row on first use and locks it for the rest of the transaction: the no-op UPDATE takes
 * PostgreSQL's row lock (SQLite transactions are serialised anyway), so two requests for one counter queue up.
 */
export async function lockCounter(q: Queryable, counter: number, now: string): Promise<CounterRow> {
  await q.execute(
    `INSERT INTO counters (counter, state, ticket_id, normal_streak, updated_at) VALUES ($1, 'open', NULL, 0, $2)
     ON CONFLICT (counter) DO NOTHING`,
    [counter, now],
  );
  await q.execute('UPDATE counters SET updated_at = $2 WHERE counter = $1', [counter, now]);
  const [row] = await q.query<CounterRow>('SELECT * FROM counters WHERE counter = $1', [counter]);
  return row!;
}

export async function readCounter(q: Queryable, counter: number): Promise<CounterRow | undefined> {
  const [row] = await q.query<CounterRow>('SELECT * FROM counters WHERE counter = $1', [counter]);
  return row;
}

export async function ticketById(q: Queryable, id: string | null): Promise<TicketRow | undefined> {
  if (!id) return undefined;
  const [row] = await q.query<TicketRow>('SELECT * FROM tickets WHERE id = $1', [id]);
  return row;
}

/** Today's ticket by number; a transferred ticket keeps its number, so the newest row wins. */
export async function ticketByNumber(q: Queryable, number: string, date: string): Promise<TicketRow | undefined> {
  const [row] = await q.query<TicketRow>(
    'SELECT * FROM tickets WHERE number = $1 AND service_date = $2 ORDER BY issued_at DESC LIMIT 1',
    [number, date],
  );
  return row;
}

/**
 * The longest-waiting ticket of one lane in the given categories (by time of issue, then number); `appointment`
 * narrows the normal lane to appointment tickets (true) or walk-ins (false).
 */
export async function oldestWaiting(q: Queryable, date: string, categories: readonly string[], priority: boolean, appointment?: boolean) {
  if (categories.length === 0) return undefined;
  const list = categories.map((_c, i) => `$${i + 3}`).join(', ');
  const which = appointment === undefined ? '' : appointment ? 'AND appointment_id IS NOT NULL' : 'AND appointment_id IS NULL';
  const [row] = await q.query<TicketRow>(
    `SELECT * FROM tickets WHERE service_date = $1 AND state = 'issued' AND priority = $2 AND category_id IN (${list}) ${which}
     ORDER BY issued_at, seq LIMIT 1`,
    [date, priority ? 1 : 0, ...categories],
  );
  return row;
}

/**
 * Marks a waiting ticket called by this counter. Returns false when another counter took it first: at
 * READ COMMITTED the UPDATE re-checks `state = 'issued'` after the other transaction commits.
 */
export async function claimTicket(q: Queryable, id: string, counter: number, now: string): Promise<boolean> {
  const changed = await q.execute(
    `UPDATE tickets SET state = 'called', counter = $2, called_at = $3, serving_at = NULL WHERE id = $1 AND state = 'issued'`,
    [id, counter, now],
  );
  return changed === 1;
}

export async function setTicketState(q: Queryable, id: string, state: TicketState, now: string): Promise<void> {
  const stamp = state === 'serving' ? ', serving_at = $3' : state === 'done' ? ', done_at = $3' : '';
  const params: SqlValue[] = stamp ? [id, state, now] : [id, state];
  await q.execute(`UPDATE tickets SET state = $2${stamp} WHERE id = $1`, params);
}

export async function setCurrent(q: Queryable, counter: number, ticketId: string | null, streak?: number): Promise<void> {
  if (streak === undefined) await q.execute('UPDATE counters SET ticket_id = $2 WHERE counter = $1', [counter, ticketId]);
  else await q.execute('UPDATE counters SET ticket_id = $2, normal_streak = $3 WHERE counter = $1', [counter, ticketId, streak]);
}

export async function logCall(q: Queryable, t: TicketRow, counter: number, recall: boolean, now: string): Promise<CallRecord> {
  await q.execute(
    `INSERT INTO ticket_calls (id, ticket_id, number, category_id, counter, service_date, recall, called_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), t.id, t.number, t.category_id, counter, t.service_date, recall ? 1 : 0, now],
  );
  if (recall) await q.execute('UPDATE tickets SET recalls = recalls + 1 WHERE id = $1', [t.id]);
  return { number: t.number, counter, categoryId: t.category_id, recall, calledAt: now };
}

/** Whether each of the counter's last `n` first calls today (recalls aside) was an appointment ticket, newest first. */
export async function lastCallsWereAppointments(q: Queryable, counter: number, date: string, n: number): Promise<boolean[]> {
  const rows = await q.query<{ appointment: number }>(
    `SELECT CASE WHEN t.appointment_id IS NULL THEN 0 ELSE 1 END AS appointment FROM ticket_calls c JOIN tickets t ON t.id = c.ticket_id
     WHERE c.counter = $1 AND c.service_date = $2 AND c.recall = 0 ORDER BY c.called_at DESC, c.id LIMIT $3`,
    [counter, date, n],
  );
  return rows.map((r) => Number(r.appointment) === 1);
}

/** The last calls of the day, newest first, for the hall display. */
export async function recentCalls(q: Queryable, date: string, limit: number): Promise<CallRecord[]> {
  const rows = await q.query<{ number: string; counter: number; category_id: string; recall: number; called_at: string }>(
    `SELECT number, counter, category_id, recall, called_at FROM ticket_calls WHERE service_date = $1
     ORDER BY called_at DESC, id LIMIT $2`,
    [date, limit],
  );
  return rows.map((r) => ({ number: r.number, counter: Number(r.counter), categoryId: r.category_id, recall: Boolean(r.recall), calledAt: r.called_at }));
}

export async function heldBy(q: Queryable, counter: number, date: string): Promise<TicketRow[]> {
  return q.query<TicketRow>(
    `SELECT * FROM tickets WHERE counter = $1 AND service_date = $2 AND state = 'held' ORDER BY called_at`,
    [counter, date],
  );
}

/**
 * Moves a ticket into another category's queue under the same printed number. Its sequence is taken from a
 * separate series above 999 (no category issues that many), so the (category, day, seq) key stays unique.
 */
export async function moveTicket(q: Queryable, t: TicketRow, to: string, counter: number, now: string): Promise<void> {
  const [series] = await q.query<{ last_seq: number }>(
    `INSERT INTO ticket_counters (category_id, service_date, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (category_id, service_date) DO UPDATE SET last_seq = ticket_counters.last_seq + 1 RETURNING last_seq`,
    [`${to}/transfer`, t.service_date],
  );
  await q.execute(
    `UPDATE tickets SET category_id = $2, seq = $3, state = 'issued', counter = NULL, called_at = NULL, serving_at = NULL
     WHERE id = $1`,
    [t.id, to, 1000 + Number(series!.last_seq)],
  );
  await q.execute(
    'INSERT INTO ticket_transfers (id, ticket_id, from_category, to_category, counter, at) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), t.id, t.category_id, to, counter, now],
  );
}
