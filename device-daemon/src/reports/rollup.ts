import type { Queryable } from '../store/db';
import { localTime } from '../core/hall-time';
import { FIRST_GOOD_LEVEL } from '../core/rating-levels';
import { addDuration, addPairs, mergeInto, toPairs, type Histogram } from './histogram';

/**
 * What a period is counted by: tickets by category, window, staff and hour of issue; issued by weekday; ratings
 * by `level|source|staff` and 差评 reasons (their counts ride in `issued`).
 */
export type Dimension = 'category' | 'window' | 'staff' | 'hour' | 'weekday' | 'rating' | 'reason';

/** The counts of one (period, dimension, key): tickets issued, served, 过号, transferred, and their durations. */
export interface Tally {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  waits: Histogram;
  services: Histogram;
}

/** `dimension|key` → its tally: a day's, a month's, or a range's once merged. */
export type Tallies = Map<string, Tally>;

export const emptyTally = (): Tally => ({ issued: 0, served: 0, noShow: 0, transferred: 0, waits: [], services: [] });

export function tallyOf(out: Tallies, dim: Dimension, key: string): Tally {
  const k = `${dim}|${key}`;
  let t = out.get(k);
  if (!t) out.set(k, (t = emptyTally()));
  return t;
}

export function addInto(into: Tally, t: Tally): void {
  into.issued += t.issued;
  into.served += t.served;
  into.noShow += t.noShow;
  into.transferred += t.transferred;
  mergeInto(into.waits, t.waits);
  mergeInto(into.services, t.services);
}

export const mergeTallies = (into: Tallies, from: Tallies) => { for (const [k, t] of from) addInto(into.get(k) ?? (into.set(k, emptyTally()), into.get(k)!), t); };

interface DayTicket {
  category_id: string;
  state: string;
  counter: number | null;
  served_by: string | null;
  issued_at: string;
  called_at: string | null;
  serving_at: string | null;
  done_at: string | null;
}

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

/**
 * One service day counted from its rows: tickets (index `tickets_day_state`) by category, window, staff, hour of
 * issue (local) and weekday; ratings given that day (index `evaluations_rated_level`) by level, source and staff;
 * 差评 reasons. A wait runs from issue to the first call; a service from start (else the call) to 办结. A
 * transferred ticket counts as issued and transferred in its first category; its new row in the next.
 */
export async function tallyDay(q: Queryable, day: string, timeZone: string): Promise<Tallies> {
  // The three reads at once: on PostgreSQL each is a round trip to a server that shares the machine.
  const [tickets, ratings, bad] = await Promise.all([
    q.query<DayTicket>(
      `SELECT category_id, state, counter, served_by, issued_at, called_at, serving_at, done_at
       FROM tickets WHERE service_date = $1`,
      [day],
    ),
    q.query<{ staff_id: string | null; level: number; source: string; n: number }>(
      `SELECT staff_id, level, source, CAST(COUNT(*) AS INTEGER) AS n FROM evaluations
       WHERE rated_date = $1 GROUP BY staff_id, level, source`,
      [day],
    ),
    q.query<{ reasons: string }>('SELECT reasons FROM evaluations WHERE rated_date = $1 AND level < $2', [day, FIRST_GOOD_LEVEL]),
  ]);
  // The hall's offset from UTC at the day's noon, once: Intl per ticket cost 70 ms a busy day. (A day that
  // changes its clocks would misplace the hours before the change by one; Chinese halls keep one offset.)
  const noon = new Date(`${day}T12:00:00Z`);
  const [h, m] = localTime(noon, timeZone).split(':').map(Number) as [number, number];
  const offsetMs = (((h * 60 + m - 12 * 60 + 1440 * 1.5) % 1440) - 720) * 60_000;
  const localHour = (iso: string) => String(new Date(Date.parse(iso) + offsetMs).getUTCHours()).padStart(2, '0');
  const out: Tallies = new Map();
  const at = (dim: Dimension, key: string) => tallyOf(out, dim, key);
  if (tickets.length) at('weekday', String(noon.getUTCDay())).issued = tickets.length;
  for (const t of tickets) {
    const targets = [at('category', t.category_id), at('hour', localHour(t.issued_at))];
    if (t.counter !== null && t.called_at) targets.push(at('window', String(t.counter)));
    if (t.served_by) targets.push(at('staff', t.served_by));
    for (const tally of targets) {
      tally.issued += 1;
      if (t.state === 'done') tally.served += 1;
      if (t.state === 'no-show') tally.noShow += 1;
      if (t.state === 'transferred') tally.transferred += 1;
      if (t.called_at) addDuration(tally.waits, seconds(t.issued_at, t.called_at));
      if (t.state === 'done' && t.done_at) addDuration(tally.services, seconds(t.serving_at ?? t.called_at ?? t.done_at, t.done_at));
    }
  }
  for (const r of ratings) at('rating', `${r.level}|${r.source}|${r.staff_id ?? ''}`).issued += Number(r.n);
  for (const r of bad) for (const reason of JSON.parse(r.reasons) as string[]) at('reason', reason).issued += 1;
  return out;
}

/** A tally as stored: `[issued, served, noShow, transferred, waits, services]`, histograms as `[bucket, count, …]`. */
type StoredTally = [number, number, number, number, number[], number[]];

/** The stored rollups of some periods (days `YYYY-MM-DD`, months `YYYY-MM`), merged. */
export async function readRollups(q: Queryable, periods: string[], into: Tallies = new Map()): Promise<Tallies> {
  // Chunks of 500: SQLite's placeholder limit is far above, and the plan stays a primary-key lookup per period.
  for (let i = 0; i < periods.length; i += 500) {
    const chunk = periods.slice(i, i + 500);
    const rows = await q.query<{ tallies: string }>(
      `SELECT tallies FROM report_periods WHERE period IN (${chunk.map((_, n) => `$${n + 1}`).join(', ')})`,
      chunk,
    );
    for (const r of rows) {
      for (const [k, [issued, served, noShow, transferred, waits, services]] of Object.entries(JSON.parse(r.tallies) as Record<string, StoredTally>)) {
        const t = into.get(k) ?? (into.set(k, emptyTally()), into.get(k)!);
        t.issued += issued;
        t.served += served;
        t.noShow += noShow;
        t.transferred += transferred;
        addPairs(t.waits, waits);
        addPairs(t.services, services);
      }
    }
  }
  return into;
}

/**
 * Stores a closed period's tallies, once: the row's primary key claims the period, so a second daemon of the
 * hall rolling the same period up changes nothing.
 */
export async function storeRollup(q: Queryable, period: string, tallies: Tallies, now: string): Promise<boolean> {
  const stored: Record<string, StoredTally> = {};
  for (const [k, t] of tallies) stored[k] = [t.issued, t.served, t.noShow, t.transferred, toPairs(t.waits), toPairs(t.services)];
  const claimed = await q.execute(
    'INSERT INTO report_periods (period, tallies, rolled_up_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [period, JSON.stringify(stored), now],
  );
  return claimed > 0;
}
