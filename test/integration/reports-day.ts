import type { Db } from '../../device-daemon/src/store/db';

/**
 * A small hall day counted by hand (times UTC; the hall is at UTC+8, so 01:00Z is 09:00 local):
 *   A001 done at 1 (S001): wait 2, service 5 · A002 done at 2 (S002): wait 10, service 3 · A003 过号 at 1: wait 5
 *   A004 transferred at 2: wait 1 · B001 done at 2 (S002): wait 4, service 10 · B002 still waiting at 14:00.
 * Ratings: 5, 5, 4, 3 (default), 1 (窗口态度差, 等候时间长) with an open overdue 工单, 2 (等候时间长) with a closed one.
 */
export async function insertHandDay(db: Db, day: string, n: number): Promise<void> {
  const t = (hhmmss: string) => `${day}T${hhmmss}.000Z`;
  const tickets: [string, string, string, number | null, string | null, string, string | null, string | null, string | null][] = [
    ['A001', 'A', 'done', 1, 'S001', '01:00:00', '01:02:00', '01:02:30', '01:07:30'],
    ['A002', 'A', 'done', 2, 'S002', '01:10:00', '01:20:00', '01:20:00', '01:23:00'],
    ['A003', 'A', 'no-show', 1, null, '02:00:00', '02:05:00', null, null],
    ['A004', 'A', 'transferred', 2, null, '02:10:00', '02:11:00', null, null],
    ['B001', 'B', 'done', 2, 'S002', '02:30:00', '02:34:00', '02:34:00', '02:44:00'],
    ['B002', 'B', 'issued', null, null, '06:00:00', null, null, null],
  ];
  for (const [i, [number, cat, state, counter, staff, issued, called, serving, done]] of tickets.entries()) {
    await db.execute(
      `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, counter, recalls,
        issued_at, called_at, serving_at, done_at, served_by) VALUES ($1, $2, $3, $4, $5, $6, 0, 'print', 1, $7, 0, $8, $9, $10, $11, $12)`,
      [`t${n}-${number}`, number, cat, day, i + 1, state, counter, t(issued), called && t(called), serving && t(serving), done && t(done), staff],
    );
  }
  const ratings: [string, number, string, string[], string][] = [
    ['A001', 5, 'person', [], 'S001'], ['B001', 5, 'person', [], 'S002'], ['A002', 4, 'person', [], 'S001'],
    ['A003', 3, 'default', [], 'S001'], ['A004', 1, 'person', ['窗口态度差', '等候时间长'], 'S002'], ['B002', 2, 'person', ['等候时间长'], 'S002'],
  ];
  for (const [number, level, source, reasons, staff] of ratings) {
    await db.execute(
      `INSERT INTO evaluations (id, ticket_id, ticket_number, category_id, category_name, service_date, ticket_state, staff_id,
        channel, level, reasons, source, rated_at, rated_date) VALUES ($1, $2, $3, 'A', '社会民生', $4, 'done', $5, 'kiosk', $6, $7, $8, $9, $4)`,
      [`e${n}-${number}`, `t${n}-${number}`, number, day, staff, level, JSON.stringify(reasons), source, t('08:00:00')],
    );
    if (level < 3) {
      const closed = level === 2;
      await db.execute(
        `INSERT INTO workorders (id, evaluation_id, ticket_id, ticket_number, level, reasons, channel, real_name, opened_at, due_date, state, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'kiosk', 0, $7, $8, $9, $10)`,
        [`w${n}-${number}`, `e${n}-${number}`, `t${n}-${number}`, number, level, JSON.stringify(reasons), t('08:00:00'), '2026-11-20',
          closed ? 'closed' : 'open', closed ? '2026-11-19T08:00:00.000Z' : null],
      );
    }
  }
}
