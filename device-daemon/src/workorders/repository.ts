import type { Queryable } from '../store/db';
import type { WorkorderFilter, WorkorderRow, WorkorderState } from './types';

/** The SQL of 差评工单, portable between SQLite and PostgreSQL (store/db.ts). */

export async function insert(q: Queryable, r: Omit<WorkorderRow, 'rating_reasons' | 'verified_at' | 'verified_by' | 'verification' | 'rectified_at' | 'rectified_by' | 'rectification' | 'replied_at' | 'replied_by' | 'reply' | 'replied_to' | 'closed_at' | 'closed_by' | 'closing_note' | 'rater_name_masked' | 'phone_sealed' | 'phone_masked' | 'consent_at'>): Promise<void> {
  await q.execute(
    `INSERT INTO workorders (id, evaluation_id, ticket_id, ticket_number, level, reasons, channel, real_name, counter, staff_id,
       staff_name, case_number, matter_code, matter_name, department, opened_at, due_date, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [r.id, r.evaluation_id, r.ticket_id, r.ticket_number, r.level, r.reasons, r.channel, r.real_name, r.counter, r.staff_id,
      r.staff_name, r.case_number, r.matter_code, r.matter_name, r.department, r.opened_at, r.due_date, r.state],
  );
}

/**
 * A 工单 with its rating's current reasons (`rating_reasons`, from evaluation's `evaluations` table): a keypad
 * 差评 recorded without reasons gets them later, and the 工单 shows and reports them from then on.
 */
const SELECT = 'SELECT w.*, e.reasons AS rating_reasons FROM workorders w JOIN evaluations e ON e.id = w.evaluation_id';

export async function byId(q: Queryable, id: string): Promise<WorkorderRow | undefined> {
  const [row] = await q.query<WorkorderRow>(`${SELECT} WHERE w.id = $1`, [id]);
  return row;
}

export async function byTicket(q: Queryable, ticketId: string): Promise<WorkorderRow | undefined> {
  const [row] = await q.query<WorkorderRow>(`${SELECT} WHERE w.ticket_id = $1`, [ticketId]);
  return row;
}

/** `overdue`: not closed and due before `today` (the due date itself is still in time). */
export async function list(q: Queryable, filter: WorkorderFilter, today: string, limit: number): Promise<WorkorderRow[]> {
  const order = 'ORDER BY w.due_date, w.opened_at LIMIT $1';
  if (filter === 'all') return q.query<WorkorderRow>(`${SELECT} ${order}`, [limit]);
  if (filter === 'closed') return q.query<WorkorderRow>(`${SELECT} WHERE w.state = 'closed' ${order}`, [limit]);
  if (filter === 'overdue') {
    return q.query<WorkorderRow>(`${SELECT} WHERE w.state <> 'closed' AND w.due_date < $2 ${order}`, [limit, today]);
  }
  return q.query<WorkorderRow>(`${SELECT} WHERE w.state <> 'closed' ${order}`, [limit]);
}

/**
 * Moves a 工单 one step on, only from the state the step comes from (two managers at once: one wins).
 * `prefix` names the step's columns (verified, rectified, replied, closed); `textColumn` its text.
 */
export async function advance(
  q: Queryable,
  id: string,
  from: readonly WorkorderState[],
  to: WorkorderState,
  cols: { at: string; by: string; text: string },
  values: { at: string; by: string; text: string | null },
): Promise<boolean> {
  const states = from.map((_, i) => `$${i + 6}`).join(', ');
  const n = await q.execute(
    `UPDATE workorders SET state = $2, ${cols.at} = $3, ${cols.by} = $4, ${cols.text} = $5 WHERE id = $1 AND state IN (${states})`,
    [id, to, values.at, values.by, values.text, ...from],
  );
  return n === 1;
}

export async function setRepliedTo(q: Queryable, id: string, to: string | null): Promise<void> {
  await q.execute('UPDATE workorders SET replied_to = $2 WHERE id = $1', [id, to]);
}

export async function setContact(q: Queryable, id: string, c: { sealed: string; masked: string; nameMasked: string | null; at: string }): Promise<void> {
  await q.execute(
    'UPDATE workorders SET phone_sealed = $2, phone_masked = $3, rater_name_masked = COALESCE($4, rater_name_masked), consent_at = $5 WHERE id = $1',
    [id, c.sealed, c.masked, c.nameMasked, c.at],
  );
}

/** Retention: the contact data of 工单 closed before `closedBefore` is erased; the 工单 stays for statistics. */
export async function eraseContactsClosedBefore(q: Queryable, closedBefore: string): Promise<number> {
  return q.execute(
    `UPDATE workorders SET phone_sealed = NULL, phone_masked = NULL, rater_name_masked = NULL, consent_at = NULL
     WHERE state = 'closed' AND closed_at < $1 AND (phone_sealed IS NOT NULL OR rater_name_masked IS NOT NULL)`,
    [closedBefore],
  );
}
