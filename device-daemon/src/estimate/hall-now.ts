import type { Queryable } from '../store/db';
import type { KioskConfig } from '../config/schema';
import { localTime } from '../core/hall-time';
import type { HallRules, QueueNow } from './simulate';
import type { ServedRecord } from './history';

/**
 * The hall as the simulation sees it, read from the store. A ticket's lane is its category, or `X*` for one
 * issued in the priority lane (a 绿色通道 category, or an elderly person's ticket of a normal one), so the
 * interleave of `counters/rules.ts` applies per ticket as the windows apply it.
 */
export const laneOf = (category: string, priority: boolean | number) => (priority ? `${category}*` : category);
export const categoryOfLane = (lane: string) => lane.replace(/\*$/, '');

/** Which windows are open and what each serves (from the categories' `windows`), less the paused ones. */
export function hallRules(config: Pick<KioskConfig['queue'], 'categories' | 'priorityRatio'>, closed: ReadonlySet<number> = new Set(), windows?: readonly { counter: number; categories: readonly string[] }[]): HallRules {
  const served = new Map<number, string[]>();
  if (windows) for (const w of windows) served.set(w.counter, [...w.categories]);
  else for (const c of config.categories) for (const w of c.windows) served.set(w, [...(served.get(w) ?? []), c.id]);
  return {
    windows: [...served].sort(([a], [b]) => a - b).filter(([counter]) => !closed.has(counter))
      .map(([counter, categories]) => ({ counter, categories: categories.flatMap((c) => [c, laneOf(c, true)]) })),
    priority: new Set(config.categories.map((c) => laneOf(c.id, true))),
    priorityRatio: config.priorityRatio,
  };
}

export interface WaitingTicket { id: string; lane: string; issuedAt: string; number: string }
export interface HallSnapshot { waiting: WaitingTicket[]; busy: QueueNow['busy']; paused: Set<number> }

/** Today's waiting tickets (oldest first, as windows call them), busy windows and paused ones. */
export async function readHall(q: Queryable, date: string, nowMs: number): Promise<HallSnapshot> {
  const waiting = await q.query<{ id: string; category_id: string; priority: number; issued_at: string; number: string }>(
    `SELECT id, category_id, priority, issued_at, number FROM tickets WHERE service_date = $1 AND state = 'issued'
     ORDER BY issued_at, number`,
    [date],
  );
  const counters = await q.query<{ counter: number; state: string; normal_streak: number; category_id: string | null; called_at: string | null }>(
    `SELECT c.counter, c.state, c.normal_streak, t.category_id, t.called_at FROM counters c
     LEFT JOIN tickets t ON t.id = c.ticket_id AND t.state IN ('called', 'serving')`,
  );
  return {
    waiting: waiting.map((r) => ({ id: r.id, lane: laneOf(r.category_id, Number(r.priority)), issuedAt: r.issued_at, number: r.number })),
    busy: counters.filter((c) => c.state === 'open' && c.category_id && c.called_at).map((c) => ({
      counter: Number(c.counter), category: c.category_id!, elapsedSeconds: Math.max(0, (nowMs - Date.parse(c.called_at!)) / 1000), streak: Number(c.normal_streak),
    })),
    paused: new Set(counters.filter((c) => c.state === 'paused').map((c) => Number(c.counter))),
  };
}

/** The queue ahead of a ticket: those issued before it, and (for a normal ticket) priority ones after, who overtake. */
export function queueAhead(hall: HallSnapshot, ticket: { id: string; lane: string; issuedAt: string; number: string }, priority: ReadonlySet<string>): QueueNow {
  const before = (t: WaitingTicket) => t.issuedAt < ticket.issuedAt || (t.issuedAt === ticket.issuedAt && t.number < ticket.number);
  const waiting = hall.waiting.filter((t) => t.id !== ticket.id && (before(t) || (!priority.has(ticket.lane) && priority.has(t.lane))));
  return { waiting: waiting.map((t) => ({ category: t.lane })), busy: hall.busy };
}

/** Served tickets of `from`..`to` (service dates): service time from call to done, issue hour in the hall's time. */
export async function readServed(q: Queryable, from: string, to: string, timeZone: string): Promise<{ records: ServedRecord[]; days: number }> {
  const rows = await q.query<{ category_id: string; priority: number; service_date: string; issued_at: string; called_at: string; done_at: string }>(
    `SELECT category_id, priority, service_date, issued_at, called_at, done_at FROM tickets
     WHERE service_date >= $1 AND service_date <= $2 AND state = 'done' AND called_at IS NOT NULL AND done_at IS NOT NULL`,
    [from, to],
  );
  // One time-zone lookup per day, not per ticket (a month of a busy hall is tens of thousands of rows).
  const offsets = new Map<string, number>();
  const hourOf = (r: (typeof rows)[number]) => {
    const ms = Date.parse(r.issued_at);
    if (!offsets.has(r.service_date)) {
      const [h, m] = localTime(new Date(ms), timeZone).split(':').map(Number);
      offsets.set(r.service_date, (((h! * 60 + m!) - Math.floor(ms / 60_000) % 1440) + 1440) % 1440);
    }
    return Math.floor(((Math.floor(ms / 60_000) + offsets.get(r.service_date)!) % 1440) / 60);
  };
  const records = rows.map((r) => ({
    category: r.category_id,
    lane: laneOf(r.category_id, Number(r.priority)),
    serviceSeconds: Math.max(1, (Date.parse(r.done_at) - Date.parse(r.called_at)) / 1000),
    issuedHour: hourOf(r),
  }));
  return { records, days: new Set(rows.map((r) => r.service_date)).size };
}
