import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';

/** The record of a finished service (办件): which 事项, which 办件编号, where, by whom, when. */
export interface ServiceCase {
  ticketId: string;
  ticketNumber: string;
  counter: number;
  staffId: string | null;
  matterCode: string | null;
  caseNumber: string | null;
  /** `counter` (the counter page) or `integration:<system id>` (the window's business system). */
  source: string;
  finishedAt: string;
}

interface CaseRow {
  ticket_id: string;
  ticket_number: string;
  counter: number;
  staff_id: string | null;
  matter_code: string | null;
  case_number: string | null;
  source: string;
  finished_at: string;
}

const toCase = (r: CaseRow): ServiceCase => ({
  ticketId: r.ticket_id, ticketNumber: r.ticket_number, counter: Number(r.counter), staffId: r.staff_id,
  matterCode: r.matter_code, caseNumber: r.case_number, source: r.source, finishedAt: r.finished_at,
});

/** Written in the transaction that marks the ticket done; the UNIQUE constraints make a 办件编号 count once. */
export async function insertCase(q: Queryable, c: ServiceCase): Promise<void> {
  await q.execute(
    `INSERT INTO service_cases (id, ticket_id, ticket_number, case_number, matter_code, counter, staff_id, source, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [randomUUID(), c.ticketId, c.ticketNumber, c.caseNumber, c.matterCode, c.counter, c.staffId, c.source, c.finishedAt],
  );
}

export async function caseOfTicket(q: Queryable, ticketId: string): Promise<ServiceCase | undefined> {
  const [row] = await q.query<CaseRow>('SELECT * FROM service_cases WHERE ticket_id = $1', [ticketId]);
  return row && toCase(row);
}

export async function caseByNumber(q: Queryable, caseNumber: string): Promise<ServiceCase | undefined> {
  const [row] = await q.query<CaseRow>('SELECT * FROM service_cases WHERE case_number = $1', [caseNumber]);
  return row && toCase(row);
}

export async function logAction(q: Queryable, counter: number, action: string, ticketId: string | null, staffId: string | null, at: string) {
  await q.execute('INSERT INTO counter_actions (id, counter, action, ticket_id, staff_id, at) VALUES ($1, $2, $3, $4, $5, $6)', [
    randomUUID(), counter, action, ticketId, staffId, at,
  ]);
}

/** Gives a finished service with no 办件编号 yet its 办件 (the business system reports it after 办结). */
export async function attachCase(q: Queryable, ticketId: string, caseNumber: string, matterCode: string): Promise<number> {
  return q.execute(
    `UPDATE service_cases SET case_number = $2, matter_code = $3
     WHERE ticket_id = $1 AND case_number IS NULL AND (matter_code IS NULL OR matter_code = $3)`,
    [ticketId, caseNumber, matterCode],
  );
}
