import type { Db, Queryable, SqlValue } from '../../device-daemon/src/store/db';
import { seededRandom } from '../../device-daemon/src/estimate/simulate';

const CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F'];
const REASONS = ['窗口态度差', '要求材料过多', '多次跑动', '等候时间长', '指引不清', '系统故障'];

async function insertRows(db: Queryable, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const per = Math.floor(8000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await db.execute(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

/**
 * A busy hall's history for the reports bench: `days` service days ending `lastDay`, `ticketsPerDay` tickets
 * (8 windows, 12 staff, waits and service times of a few minutes, 3 % 过号, 2 % transferred) and `ratingsPerDay`
 * ratings (mostly good; 差评 with reasons). 365 × 1370 ≈ 500,000 tickets and 365 × 548 ≈ 200,000 ratings.
 */
export async function fillHallHistory(db: Db, lastDay: string, days: number, ticketsPerDay: number, ratingsPerDay: number): Promise<number> {
  const rng = seededRandom(365);
  let total = 0;
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(Date.parse(`${lastDay}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
    const tickets: SqlValue[][] = [];
    const ratings: SqlValue[][] = [];
    for (let i = 0; i < ticketsPerDay; i++) {
      const category = CATEGORIES[Math.floor(rng() * CATEGORIES.length)]!;
      const issued = Date.parse(`${day}T01:00:00Z`) + rng() * 8 * 3_600_000;
      const called = issued + rng() * 40 * 60_000;
      const done = called + (1 + rng() * 15) * 60_000;
      const r = rng();
      const state = r < 0.03 ? 'no-show' : r < 0.05 ? 'transferred' : 'done';
      const counter = 1 + Math.floor(rng() * 8);
      const staff = `S${String(1 + Math.floor(rng() * 12)).padStart(3, '0')}`;
      const id = `${day}-${i}`;
      const iso = (t: number) => new Date(t).toISOString();
      tickets.push([id, `${category}${i}`, category, day, i + 1, state, 'print', 1, counter, 0, iso(issued), iso(called),
        state === 'done' ? iso(called) : null, state === 'done' ? iso(done) : null, state === 'done' ? staff : null]);
      if (i < ratingsPerDay) {
        const level = rng() < 0.9 ? 5 - Math.floor(rng() * 3) : 1 + Math.floor(rng() * 2);
        const reasons = level < 3 ? [REASONS[Math.floor(rng() * REASONS.length)]!] : [];
        ratings.push([`e-${id}`, id, `${category}${i}`, category, category, day, 'done', staff, 'kiosk', level, JSON.stringify(reasons),
          rng() < 0.05 ? 'default' : 'person', iso(done), day]);
      }
    }
    await db.tx(async (q) => {
      await insertRows(q, 'tickets', ['id', 'number', 'category_id', 'service_date', 'seq', 'state', 'delivery', 'printed', 'counter',
        'recalls', 'issued_at', 'called_at', 'serving_at', 'done_at', 'served_by'], tickets);
      await insertRows(q, 'evaluations', ['id', 'ticket_id', 'ticket_number', 'category_id', 'category_name', 'service_date',
        'ticket_state', 'staff_id', 'channel', 'level', 'reasons', 'source', 'rated_at', 'rated_date'], ratings);
    });
    total += tickets.length;
  }
  return total;
}
