import type { Queryable } from '../store/db';
import type { Evaluation, EvaluationRow } from './types';
import { LEVEL_NAMES } from './types';

/** The SQL of ratings and follow-ups, portable between SQLite and PostgreSQL (store/db.ts). */

export async function ratingOfTicket(q: Queryable, ticketId: string): Promise<EvaluationRow | undefined> {
  const [row] = await q.query<EvaluationRow>('SELECT * FROM evaluations WHERE ticket_id = $1', [ticketId]);
  return row;
}

export async function insertRating(q: Queryable, r: EvaluationRow): Promise<void> {
  await q.execute(
    `INSERT INTO evaluations (id, ticket_id, ticket_number, category_id, category_name, service_date, ticket_state,
       counter, staff_id, staff_name, channel, level, reasons, comment, real_name, person_hash, source, kiosk_id,
       rated_at, rated_date, matter_code, matter_name, case_number, reasons_given)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
    [r.id, r.ticket_id, r.ticket_number, r.category_id, r.category_name, r.service_date, r.ticket_state, r.counter,
      r.staff_id, r.staff_name, r.channel, r.level, r.reasons, r.comment, r.real_name, r.person_hash, r.source,
      r.kiosk_id, r.rated_at, r.rated_date, r.matter_code, r.matter_name, r.case_number, r.reasons_given],
  );
}

export async function insertFollowUp(
  q: Queryable,
  f: { id: string; evaluationId: string; ticketNumber: string; level: number; reasons: string; realName: number; openedAt: string; dueDate: string },
): Promise<void> {
  await q.execute(
    `INSERT INTO evaluation_follow_ups (id, evaluation_id, ticket_number, level, reasons, real_name, opened_at, due_date, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open')`,
    [f.id, f.evaluationId, f.ticketNumber, f.level, f.reasons, f.realName, f.openedAt, f.dueDate],
  );
}

/** The follow-up's 工单 closed: the technician's list and the export show it closed. */
export async function closeFollowUp(q: Queryable, id: string, at: string, resolution: string | null): Promise<void> {
  await q.execute("UPDATE evaluation_follow_ups SET state = 'closed', closed_at = $2, resolution = $3 WHERE id = $1", [id, at, resolution]);
}

export interface FollowUpRow {
  id: string;
  evaluation_id: string;
  ticket_number: string;
  level: number;
  reasons: string;
  real_name: number;
  opened_at: string;
  due_date: string;
  state: 'open' | 'closed';
  closed_at: string | null;
  resolution: string | null;
}

export async function followUps(q: Queryable, state: 'open' | 'closed' | 'all', limit: number): Promise<FollowUpRow[]> {
  if (state === 'all') return q.query<FollowUpRow>('SELECT * FROM evaluation_follow_ups ORDER BY due_date, opened_at LIMIT $1', [limit]);
  return q.query<FollowUpRow>('SELECT * FROM evaluation_follow_ups WHERE state = $1 ORDER BY due_date, opened_at LIMIT $2', [state, limit]);
}

export async function followUpOf(q: Queryable, evaluationId: string): Promise<{ id: string; due_date: string } | undefined> {
  const [row] = await q.query<{ id: string; due_date: string }>('SELECT id, due_date FROM evaluation_follow_ups WHERE evaluation_id = $1', [evaluationId]);
  return row;
}

/** Ratings made on hall-local dates `from`..`to` inclusive, oldest first. */
export async function ratingsBetween(q: Queryable, from: string, to: string, limit: number): Promise<EvaluationRow[]> {
  return q.query<EvaluationRow>(
    'SELECT * FROM evaluations WHERE rated_date >= $1 AND rated_date <= $2 ORDER BY rated_at, id LIMIT $3',
    [from, to, limit],
  );
}

/** The follow-ups of the ratings made on hall-local dates `from`..`to` inclusive (the export's due dates). */
export async function followUpsOfRatingsBetween(q: Queryable, from: string, to: string): Promise<{ id: string; evaluation_id: string; due_date: string }[]> {
  return q.query<{ id: string; evaluation_id: string; due_date: string }>(
    `SELECT f.id, f.evaluation_id, f.due_date FROM evaluation_follow_ups f JOIN evaluations e ON e.id = f.evaluation_id
     WHERE e.rated_date >= $1 AND e.rated_date <= $2`,
    [from, to],
  );
}

/**
 * Tickets served (done) before `doneBefore` that nobody rated: candidates for the 7-day default rule.
 * Reads the queue's `tickets` table (columns id, state, done_at): the queue namespace owns it.
 */
export async function unratedServedBefore(q: Queryable, doneBefore: string, limit: number): Promise<{ id: string }[]> {
  return q.query<{ id: string }>(
    `SELECT t.id FROM tickets t LEFT JOIN evaluations e ON e.ticket_id = t.id
     WHERE t.state = 'done' AND t.done_at IS NOT NULL AND t.done_at < $1 AND e.id IS NULL
     ORDER BY t.done_at LIMIT $2`,
    [doneBefore, limit],
  );
}

/** The keyed hash a ticket was issued under (ID card at the kiosk), from the queue's `tickets` table. */
export async function ticketPersonHash(q: Queryable, ticketId: string): Promise<string | null> {
  const [row] = await q.query<{ person_hash: string | null }>('SELECT person_hash FROM tickets WHERE id = $1', [ticketId]);
  return row?.person_hash ?? null;
}

/** Ids of the tickets a person took on a service day (the ID-card route of the 好差评 flow), oldest first. */
export async function ticketsOfPerson(q: Queryable, personHash: string, date: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'SELECT id FROM tickets WHERE person_hash = $1 AND service_date = $2 ORDER BY issued_at',
    [personHash, date],
  );
  return rows.map((r) => r.id);
}

export function toEvaluation(r: EvaluationRow, followUp: { id: string; due_date: string } | undefined): Evaluation {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    categoryId: r.category_id,
    categoryName: r.category_name,
    serviceDate: r.service_date,
    window: r.counter === null ? null : Number(r.counter),
    staffId: r.staff_id,
    staffName: r.staff_name,
    channel: r.channel,
    level: Number(r.level),
    levelName: LEVEL_NAMES[Number(r.level)]!,
    reasons: JSON.parse(r.reasons) as string[],
    comment: r.comment,
    realName: Boolean(Number(r.real_name)),
    source: r.source,
    kioskId: r.kiosk_id,
    ratedAt: r.rated_at,
    matterCode: r.matter_code,
    matterName: r.matter_name,
    caseNumber: r.case_number,
    reasonsGiven: Number(r.reasons_given) === 1,
    followUp: followUp ? { id: followUp.id, dueDate: followUp.due_date } : null,
  };
}

/** The 办件 record the window wrote when it finished the ticket (counters' service_cases), if any. */
export async function serviceOfTicket(q: Queryable, ticketId: string) {
  const [row] = await q.query<{ counter: number; staff_id: string | null; matter_code: string | null; case_number: string | null }>(
    'SELECT counter, staff_id, matter_code, case_number FROM service_cases WHERE ticket_id = $1', [ticketId]);
  return row;
}

export async function ratingById(q: Queryable, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await q.query<EvaluationRow>('SELECT * FROM evaluations WHERE id = $1', [id]);
  return row;
}

/** Reasons added afterwards to a bad rating pressed on a keypad with no screen (and to its follow-up). */
export async function addReasons(q: Queryable, id: string, reasons: string, comment: string | null): Promise<number> {
  const n = await q.execute(
    'UPDATE evaluations SET reasons = $2, comment = COALESCE($3, comment), reasons_given = 1 WHERE id = $1 AND reasons_given = 0',
    [id, reasons, comment],
  );
  if (n > 0) await q.execute('UPDATE evaluation_follow_ups SET reasons = $2 WHERE evaluation_id = $1', [id, reasons]);
  return n;
}
