import type { Db, Queryable } from '../store/db';
import type { TicketRow } from './types';
import { ticketNumber } from './ticket-number';

/** What the one statement returns: the number it took, and what the ticket's view needs, read in passing. */
export interface TakenInOneStatement {
  seq: number;
  /** Tickets of the category still waiting before this one. */
  ahead: number;
  /** Mean service time (ms) of the category's last 20 finished tickets today; null before the first. */
  mean_ms: number | null;
}

/**
 * A walk-in ticket on PostgreSQL in ONE round trip: the counter upsert, the ticket insert and the view's two
 * reads are one statement (data-modifying WITH), which PostgreSQL runs as its own transaction. What it keeps:
 * - no number twice: the upsert takes the counter row's lock, held until the statement commits;
 * - no gap: counter and ticket commit together or not at all; a full day (`last_seq` at the daily maximum)
 *   updates nothing, so no row comes back and no number is used;
 * - people ahead as exact as after commit: the statement's snapshot is taken before it waits for the lock,
 *   so the tickets committed during that wait are invisible to its reads; they are exactly the numbers between
 *   the counter as the snapshot saw it and this one, all still waiting (a call made during the wait, within
 *   milliseconds, is the one thing missed, and the next queue event refreshes the screen).
 * SQLite cannot write in WITH; there the transaction is in-process and costs no round trip (service.ts).
 * A real-name or appointment ticket takes the transaction path: its person check must see the same state.
 */
export const TAKE_ONE_STATEMENT = `
WITH counter AS (
  INSERT INTO ticket_counters (category_id, service_date, last_seq) VALUES ($1, $2, 1)
  ON CONFLICT (category_id, service_date) DO UPDATE SET last_seq = ticket_counters.last_seq + 1
  WHERE ticket_counters.last_seq < $3
  RETURNING last_seq
), ticket AS (
  INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, kiosk_id, issued_at)
  SELECT $4, $1 || CASE WHEN last_seq < 1000 THEN LPAD(CAST(last_seq AS TEXT), 3, '0') ELSE CAST(last_seq AS TEXT) END,
    $1, $2, last_seq, 'issued', $5, $6, 0, $7, $8 FROM counter
  RETURNING seq
)
SELECT ticket.seq,
  (SELECT CAST(COUNT(*) AS INTEGER) FROM tickets t
    WHERE t.category_id = $1 AND t.service_date = $2 AND t.state = 'issued' AND t.seq < ticket.seq)
  + ticket.seq - 1 - COALESCE((SELECT c.last_seq FROM ticket_counters c WHERE c.category_id = $1 AND c.service_date = $2), 0) AS ahead,
  (SELECT CAST(AVG(EXTRACT(EPOCH FROM CAST(r.done_at AS TIMESTAMPTZ) - CAST(r.serving_at AS TIMESTAMPTZ)) * 1000) AS DOUBLE PRECISION)
    FROM (SELECT serving_at, done_at FROM tickets
      WHERE service_date = $2 AND category_id = $1 AND state = 'done' AND serving_at IS NOT NULL AND done_at IS NOT NULL
      ORDER BY done_at DESC LIMIT 20) r) AS mean_ms
FROM ticket`;

/**
 * Runs the statement for `row` (its seq and number are filled from the answer); undefined when the day is full.
 * Where the store can (`prepared`), it is planned once per connection: parsing and planning this statement
 * cost PostgreSQL about as much CPU as running it (docs/PERFORMANCE.md, hall-wide).
 */
export async function takeInOneStatement(db: Queryable & Pick<Db, 'prepared'>, row: TicketRow, dailyMax: number): Promise<TakenInOneStatement | undefined> {
  const params = [row.category_id, row.service_date, dailyMax, row.id, row.priority, row.delivery, row.kiosk_id, row.issued_at];
  const [taken] = db.prepared
    ? await db.prepared<TakenInOneStatement>('queue_take_one', TAKE_ONE_STATEMENT, params)
    : await db.query<TakenInOneStatement>(TAKE_ONE_STATEMENT, params);
  return taken && numbered(row, taken);
}

/** The statement's answer for `row` (one ticket's, or one of a batch's): the row gets its seq and number. */
export function numbered(row: TicketRow, taken: TakenInOneStatement): TakenInOneStatement {
  row.seq = Number(taken.seq);
  row.number = ticketNumber(row.category_id, row.seq);
  return { seq: row.seq, ahead: Number(taken.ahead), mean_ms: taken.mean_ms === null ? null : Number(taken.mean_ms) };
}
