import type { Queryable } from '../store/db';
import { localTime } from '../core/hall-time';
import { addDuration, encodeHistogram, type Histogram } from './histogram';

export type Dimension = 'category' | 'window' | 'staff' | 'hour';

/** The counts of one (day, dimension, key): tickets issued, served, 过号, transferred, and their durations. */
export interface Tally {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  waits: Histogram;
  services: Histogram;
}

export const emptyTally = (): Tally => ({ issued: 0, served: 0, noShow: 0, transferred: 0, waits: new Map(), services: new Map() });

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
 * One service day counted from its tickets (through the `(service_date, …)` index), by category, window, staff
 * and hour of issue (local). A wait runs from issue to the first call; a service from start (else the call) to
 * 办结. A transferred ticket counts as issued and transferred in its first category; its new row in the next.
 */
export async function tallyDay(q: Queryable, day: string, timeZone: string): Promise<Map<`${Dimension}|${string}`, Tally>> {
  const tickets = await q.query<DayTicket>(
    `SELECT category_id, state, counter, served_by, issued_at, called_at, serving_at, done_at
     FROM tickets WHERE service_date = $1`,
    [day],
  );
  // The hall's offset from UTC at the day's noon, once: Intl per ticket cost 70 ms a busy day. (A day that
  // changes its clocks would misplace the hours before the change by one; Chinese halls keep one offset.)
  const noon = new Date(`${day}T12:00:00Z`);
  const [h, m] = localTime(noon, timeZone).split(':').map(Number) as [number, number];
  const offsetMs = (((h * 60 + m - 12 * 60 + 1440 * 1.5) % 1440) - 720) * 60_000;
  const localHour = (iso: string) => String(new Date(Date.parse(iso) + offsetMs).getUTCHours()).padStart(2, '0');
  const out = new Map<`${Dimension}|${string}`, Tally>();
  const at = (dim: Dimension, key: string) => {
    const k = `${dim}|${key}` as const;
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    return t;
  };
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
  return out;
}

/** Rolls a closed day up into `report_rollups`, once (a second daemon doing the same day changes nothing). */
export async function rollUpDay(q: Queryable, day: string, timeZone: string, now: string): Promise<void> {
  const tallies = await tallyDay(q, day, timeZone);
  const claimed = await q.execute('INSERT INTO report_days (service_date, rolled_up_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [day, now]);
  if (claimed === 0) return;
  for (const [k, t] of tallies) {
    const [dimension, key] = k.split('|') as [Dimension, string];
    await q.execute(
      `INSERT INTO report_rollups (service_date, dimension, key, issued, served, no_show, transferred, wait_hist, service_hist)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [day, dimension, key, t.issued, t.served, t.noShow, t.transferred, encodeHistogram(t.waits), encodeHistogram(t.services)],
    );
  }
}
