import type { Queryable } from '../store/db';
import type { LongestWait } from './types';

/**
 * The longest wait now in each category: its oldest ticket still waiting (`issued`) today, through the
 * `(service_date, category_id, state, seq)` index; on PostgreSQL the whole hall's queue.
 */
export async function longestWaits(q: Queryable, today: string, now: Date): Promise<LongestWait[]> {
  const rows = await q.query<{ category_id: string; number: string; issued_at: string }>(
    `SELECT t.category_id, t.number, t.issued_at FROM tickets t
     WHERE t.service_date = $1 AND t.state = 'issued'
       AND t.issued_at = (SELECT MIN(o.issued_at) FROM tickets o WHERE o.service_date = $1 AND o.category_id = t.category_id AND o.state = 'issued')
     ORDER BY t.category_id, t.seq`,
    [today],
  );
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.category_id) && seen.add(r.category_id)).map((r) => ({
    categoryId: r.category_id, number: r.number, issuedAt: r.issued_at,
    minutes: Math.max(0, Math.floor((now.getTime() - Date.parse(r.issued_at)) / 60_000)),
  }));
}
