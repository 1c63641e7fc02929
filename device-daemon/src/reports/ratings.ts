import type { Queryable } from '../store/db';
import { FIRST_GOOD_LEVEL } from '../core/rating-levels';
import type { Tallies } from './rollup';
import type { RatingFigures } from './types';

/** Counts per level (and how many of them were given by default), as read from the tallies. */
export interface LevelCounts {
  levels: Map<number, number>;
  defaults: number;
}

const emptyCounts = (): LevelCounts => ({ levels: new Map(), defaults: 0 });

/** 满意率 as the provincial reports count it: 基本满意 and better over every rating (default ones included). */
export function ratingFigures(c: LevelCounts): RatingFigures {
  const at = (l: number) => c.levels.get(l) ?? 0;
  const count = [1, 2, 3, 4, 5].reduce((n, l) => n + at(l), 0);
  const good = [3, 4, 5].filter((l) => l >= FIRST_GOOD_LEVEL).reduce((n, l) => n + at(l), 0);
  return {
    count,
    satisfactionRate: count ? Math.round((good / count) * 1000) / 10 : null,
    levels: { 1: at(1), 2: at(2), 3: at(3), 4: at(4), 5: at(5) },
    defaults: c.defaults,
  };
}

/** Ratings of a range from its merged tallies (`rating|level|source|staff`, `reason|…`): all, per staff, reasons ranked. */
export function ratingsOf(tallies: Tallies) {
  const all = emptyCounts();
  const byStaff = new Map<string, LevelCounts>();
  const reasons: { reason: string; count: number }[] = [];
  for (const [k, t] of tallies) {
    if (k.startsWith('reason|')) reasons.push({ reason: k.slice('reason|'.length), count: t.issued });
    if (!k.startsWith('rating|')) continue;
    const [level, source, staff] = k.slice('rating|'.length).split('|') as [string, string, string];
    const targets = [all];
    if (staff) {
      if (!byStaff.has(staff)) byStaff.set(staff, emptyCounts());
      targets.push(byStaff.get(staff)!);
    }
    for (const c of targets) {
      c.levels.set(Number(level), (c.levels.get(Number(level)) ?? 0) + t.issued);
      if (source === 'default') c.defaults += t.issued;
    }
  }
  return { levels: all, byStaff, badReasons: reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)) };
}

/**
 * 工单 of the range's 差评, by their state now (they move after the day closes, so they are never rolled up):
 * one row per 工单, a few hundred a year; overdue as the 工单 list marks it.
 */
export async function workordersFor(q: Queryable, from: string, to: string, today: string) {
  // From the 工单 (few) to their ratings by primary key: CROSS JOIN keeps SQLite from walking a year of ratings
  // by date to find the few with a 工单 (its plan for a plain JOIN); PostgreSQL plans it as a join either way.
  const orders = await q.query<{ state: string; due_date: string; closed_at: string | null }>(
    `SELECT w.state, w.due_date, w.closed_at FROM workorders w CROSS JOIN evaluations e
     WHERE e.id = w.evaluation_id AND e.rated_date BETWEEN $1 AND $2 AND e.level < $3`,
    [from, to, FIRST_GOOD_LEVEL],
  );
  const workorders = { open: 0, closed: 0, overdue: 0 };
  for (const w of orders) {
    if (w.state === 'closed') workorders.closed += 1;
    else workorders.open += 1;
    // Overdue: open past its due date, or closed after it.
    if (w.state === 'closed' ? (w.closed_at ?? '').slice(0, 10) > w.due_date : w.due_date < today) workorders.overdue += 1;
  }
  return workorders;
}
