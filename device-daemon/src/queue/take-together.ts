import type { Db, Queryable } from '../store/db';
import type { TicketRow } from './types';
import { numbered, takeInOneStatement, type TakenInOneStatement } from './take-one-statement';

/**
 * The walk-in tickets a daemon is asked for at once, in ONE statement (group commit for PostgreSQL): the
 * requests come as arrays (`unnest`, in arrival order); per category and day one counter upsert adds the
 * batch's n (`last_seq + n`), then n ticket rows take the numbers after the old value, in arrival order. It
 * keeps what the one-ticket statement keeps (take-one-statement.ts), per ticket:
 * - no number twice, no gap: the counter rows are locked by the upsert until the statement commits, and counter
 *   and tickets commit together; the rows are locked in one order (category, day), so two batches of two daemons
 *   never wait for each other in a cycle;
 * - the daily maximum: a category whose n does not fit (`last_seq + n` over it) takes no number here at all; its
 *   requests are then taken one by one with the one-ticket statement, so the ones that fit get numbers and the
 *   rest are refused, no number used (the end of a day only, so the extra round trips are rare);
 * - people ahead exact: the tickets waiting in the statement's snapshot, plus the numbers committed while it
 *   waited for the lock (the old value minus the counter as the snapshot saw it), plus the batch's own tickets
 *   before this one: `waiting + seq - 1 - counted`, as the one-ticket statement counts it;
 * - each ticket's estimate from its category's last 20 service times, read once per category.
 * The reads (`seen`) feed the upsert through its ORDER BY, a sort that takes all its input first: they run
 * before any counter row is locked, so other daemons' batches do not wait on them (they read the statement's
 * snapshot wherever they run, so the figures are the same).
 * Returns one row per ticket taken, with its id; a request whose category did not fit has none.
 */
export const TAKE_TOGETHER_STATEMENT = `
WITH req AS (
  SELECT r.*, CAST(ROW_NUMBER() OVER (PARTITION BY r.category_id, r.service_date ORDER BY r.ord) AS INTEGER) AS rank
  FROM unnest(CAST($1 AS TEXT[]), CAST($2 AS TEXT[]), CAST($3 AS TEXT[]), CAST($4 AS INTEGER[]), CAST($5 AS TEXT[]),
    CAST($6 AS TEXT[]), CAST($7 AS TEXT[]), CAST($8 AS INTEGER[]))
    WITH ORDINALITY AS r(category_id, service_date, id, priority, delivery, kiosk_id, issued_at, daily_max, ord)
), asked AS (
  SELECT category_id, service_date, CAST(COUNT(*) AS INTEGER) AS n, MIN(daily_max) AS daily_max
  FROM req GROUP BY category_id, service_date
), seen AS (
  SELECT a.category_id, a.service_date,
    (SELECT CAST(COUNT(*) AS INTEGER) FROM tickets t
      WHERE t.category_id = a.category_id AND t.service_date = a.service_date AND t.state = 'issued') AS waiting,
    COALESCE((SELECT c.last_seq FROM ticket_counters c WHERE c.category_id = a.category_id AND c.service_date = a.service_date), 0) AS counted,
    (SELECT CAST(AVG(EXTRACT(EPOCH FROM CAST(d.done_at AS TIMESTAMPTZ) - CAST(d.serving_at AS TIMESTAMPTZ)) * 1000) AS DOUBLE PRECISION)
      FROM (SELECT serving_at, done_at FROM tickets
        WHERE service_date = a.service_date AND category_id = a.category_id AND state = 'done' AND serving_at IS NOT NULL AND done_at IS NOT NULL
        ORDER BY done_at DESC LIMIT 20) d) AS mean_ms
  FROM asked a
), counter AS (
  INSERT INTO ticket_counters (category_id, service_date, last_seq)
  SELECT a.category_id, a.service_date, a.n FROM asked a JOIN seen s ON s.category_id = a.category_id AND s.service_date = a.service_date
  WHERE a.n <= a.daily_max ORDER BY a.category_id, a.service_date
  ON CONFLICT (category_id, service_date) DO UPDATE SET last_seq = ticket_counters.last_seq + EXCLUDED.last_seq
  WHERE ticket_counters.last_seq + EXCLUDED.last_seq <= (SELECT a.daily_max FROM asked a
    WHERE a.category_id = EXCLUDED.category_id AND a.service_date = EXCLUDED.service_date)
  RETURNING category_id, service_date, last_seq
), ticket AS (
  INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, kiosk_id, issued_at)
  SELECT r.id, r.category_id || CASE WHEN s.seq < 1000 THEN LPAD(CAST(s.seq AS TEXT), 3, '0') ELSE CAST(s.seq AS TEXT) END,
    r.category_id, r.service_date, s.seq, 'issued', r.priority, r.delivery, 0, r.kiosk_id, r.issued_at
  FROM req r JOIN asked a ON a.category_id = r.category_id AND a.service_date = r.service_date
    JOIN counter c ON c.category_id = r.category_id AND c.service_date = r.service_date
    CROSS JOIN LATERAL (SELECT c.last_seq - a.n + r.rank AS seq) s
  RETURNING id, category_id, service_date, seq
)
SELECT ticket.id, ticket.seq, seen.waiting + ticket.seq - 1 - seen.counted AS ahead, seen.mean_ms
FROM ticket JOIN seen ON seen.category_id = ticket.category_id AND seen.service_date = ticket.service_date`;

/** Requests in one statement at most: a larger burst goes as several, one after another. */
export const TOGETHER_CAP = 64;

interface Asked {
  row: TicketRow;
  dailyMax: number;
  resolve: (taken: TakenInOneStatement | undefined) => void;
  reject: (err: unknown) => void;
}

type PreparingDb = Queryable & Required<Pick<Db, 'prepared'>>;

/** Where batching pays: a store that writes in WITH (a round trip is a network one) and prepares statements. */
export function canTakeTogether(db: Db): db is Db & PreparingDb {
  return Boolean(db.writingWith && db.prepared);
}

/**
 * Group commit for the walk-in tickets on PostgreSQL: the requests read in one turn of the event loop, or while
 * the statement before was on its way, go as one statement (one round trip, one commit, one fsync); each caller
 * is answered only after that statement has committed, or rejected with its error if it failed. One statement is
 * on its way at a time: under load the next batch gathers while it is; a lone request goes at once, as the
 * one-ticket statement (simpler to run than the batch's).
 */
export class TakingTogether {
  private asked: Asked[] = [];
  private sending = false;
  private scheduled = false;

  constructor(private readonly db: PreparingDb, private readonly cap = TOGETHER_CAP) {}

  /** The number for `row` (seq and number filled in), with its view; undefined when the day is full. */
  take(row: TicketRow, dailyMax: number): Promise<TakenInOneStatement | undefined> {
    return new Promise((resolve, reject) => {
      this.asked.push({ row, dailyMax, resolve, reject });
      this.schedule();
    });
  }

  /** After the current turn's I/O: the requests read in it join the batch. */
  private schedule(): void {
    if (this.sending || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.send();
    });
  }

  private async send(): Promise<void> {
    const batch = this.asked.splice(0, this.cap);
    if (batch.length === 0) return;
    this.sending = true;
    try {
      if (batch.length === 1) await this.alone(batch[0]!);
      else await this.together(batch);
    } finally {
      this.sending = false;
      if (this.asked.length > 0) this.schedule();
    }
  }

  private async alone(one: Asked): Promise<void> {
    await takeInOneStatement(this.db, one.row, one.dailyMax).then(one.resolve, one.reject);
  }

  private async together(batch: Asked[]): Promise<void> {
    const column = <T>(pick: (r: TicketRow) => T) => batch.map((a) => pick(a.row));
    const params = [
      column((r) => r.category_id), column((r) => r.service_date), column((r) => r.id), column((r) => r.priority),
      column((r) => r.delivery), column((r) => r.kiosk_id), column((r) => r.issued_at), batch.map((a) => a.dailyMax),
    ];
    let rows: { id: string; seq: number; ahead: number; mean_ms: number | null }[];
    try {
      rows = await this.db.prepared('queue_take_together', TAKE_TOGETHER_STATEMENT, params);
    } catch (err) {
      for (const a of batch) a.reject(err);
      return;
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    const left: Asked[] = [];
    for (const a of batch) {
      const taken = byId.get(a.row.id);
      if (!taken) {
        left.push(a);
        continue;
      }
      a.resolve(numbered(a.row, taken));
    }
    // Categories whose batch would cross the daily maximum took nothing: one by one, in the order asked.
    for (const a of left) await this.alone(a);
  }
}
