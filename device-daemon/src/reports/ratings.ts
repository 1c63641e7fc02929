import type { Queryable } from '../store/db';
import { FIRST_GOOD_LEVEL } from '../core/rating-levels';
import type { RatingFigures } from './types';

/** Counts per level (and how many of them were given by default), as read from the store. */
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

/** Ratings of a range by rating date (index `evaluations_rated_level`), per staff, 差评 reasons, 工单 states. */
export async function ratingsFor(q: Queryable, from: string, to: string, today: string) {
  const rows = await q.query<{ staff_id: string | null; level: number; source: string; n: number }>(
    `SELECT staff_id, level, source, CAST(COUNT(*) AS INTEGER) AS n FROM evaluations
     WHERE rated_date BETWEEN $1 AND $2 GROUP BY staff_id, level, source`,
    [from, to],
  );
  const all = emptyCounts();
  const byStaff = new Map<string, LevelCounts>();
  for (const r of rows) {
    const targets = [all];
    if (r.staff_id) {
      if (!byStaff.has(r.staff_id)) byStaff.set(r.staff_id, emptyCounts());
      targets.push(byStaff.get(r.staff_id)!);
    }
    for (const c of targets) {
      c.levels.set(r.level, (c.levels.get(r.level) ?? 0) + r.n);
      if (r.source === 'default') c.defaults += r.n;
    }
  }
  const reasons = new Map<string, number>();
  const bad = await q.query<{ reasons: string }>(
    'SELECT reasons FROM evaluations WHERE rated_date BETWEEN $1 AND $2 AND level < $3',
    [from, to, FIRST_GOOD_LEVEL],
  );
  for (const r of bad) for (const reason of JSON.parse(r.reasons) as string[]) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const orders = await q.query<{ state: string; due_date: string; closed_at: string | null }>(
    `SELECT w.state, w.due_date, w.closed_at FROM workorders w JOIN evaluations e ON e.id = w.evaluation_id
     WHERE e.rated_date BETWEEN $1 AND $2 AND e.level < $3`,
    [from, to, FIRST_GOOD_LEVEL],
  );
  const workorders = { open: 0, closed: 0, overdue: 0 };
  for (const w of orders) {
    if (w.state === 'closed') workorders.closed += 1;
    else workorders.open += 1;
    // Overdue as the 工单 list marks it: open past its due date, or closed after it.
    if (w.state === 'closed' ? (w.closed_at ?? '').slice(0, 10) > w.due_date : w.due_date < today) workorders.overdue += 1;
  }
  return {
    levels: all,
    byStaff,
    badReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    workorders,
  };
}
