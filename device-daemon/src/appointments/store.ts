import type { Queryable } from '../store/db';
import type { DaySlot } from './calendar';
import type { AppointmentRow, AppointmentState } from './types';

/** The SQL of appointments, portable between SQLite and PostgreSQL (store/db.ts). */

/** Makes the slot's row on first use; its capacity comes from the configuration of that moment. */
export async function ensureSlot(q: Queryable, s: DaySlot): Promise<void> {
  await q.execute(
    `INSERT INTO appointment_slots (id, category_id, service_date, start_time, end_time, capacity, booked)
     VALUES ($1, $2, $3, $4, $5, $6, 0) ON CONFLICT (id) DO NOTHING`,
    [s.id, s.categoryId, s.date, s.from, s.to, s.capacity],
  );
}

/**
 * Takes one place, or none when the slot is full: one conditional UPDATE, atomic on both engines (SQLite
 * serialises writers; PostgreSQL re-checks `booked < capacity` on the row it locked after a concurrent
 * commit), so concurrent bookings of the last place never oversell.
 */
export async function takePlace(q: Queryable, slotId: string): Promise<boolean> {
  return (await q.execute('UPDATE appointment_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity', [slotId])) === 1;
}

export async function givePlaceBack(q: Queryable, slotId: string): Promise<void> {
  await q.execute('UPDATE appointment_slots SET booked = booked - 1 WHERE id = $1 AND booked > 0', [slotId]);
}

export async function bookedBySlot(q: Queryable, ids: readonly string[]): Promise<Map<string, { booked: number; capacity: number }>> {
  if (ids.length === 0) return new Map();
  const list = ids.map((_id, i) => `$${i + 1}`).join(', ');
  const rows = await q.query<{ id: string; booked: number; capacity: number }>(`SELECT id, booked, capacity FROM appointment_slots WHERE id IN (${list})`, ids);
  return new Map(rows.map((r) => [r.id, { booked: Number(r.booked), capacity: Number(r.capacity) }]));
}

export async function insertAppointment(q: Queryable, row: AppointmentRow): Promise<void> {
  const cols = Object.keys(row);
  await q.execute(
    `INSERT INTO appointments (${cols.join(', ')}) VALUES (${cols.map((_c, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

export async function byCode(q: Queryable, code: string): Promise<AppointmentRow | undefined> {
  const [row] = await q.query<AppointmentRow>('SELECT * FROM appointments WHERE code = $1', [code]);
  return row;
}

export async function byExternalId(q: Queryable, externalId: string): Promise<AppointmentRow | undefined> {
  const [row] = await q.query<AppointmentRow>('SELECT * FROM appointments WHERE external_id = $1', [externalId]);
  return row;
}

/** The person's bookings of `date` still to check in, earliest first. */
export async function bookedOn(q: Queryable, personHash: string, date: string): Promise<AppointmentRow[]> {
  return q.query<AppointmentRow>(
    `SELECT * FROM appointments WHERE person_hash = $1 AND service_date = $2 AND state = 'booked' ORDER BY start_time`,
    [personHash, date],
  );
}

/**
 * Makes the person's bookings take turns until this transaction ends: an upsert of their lock row. On
 * PostgreSQL it takes the row lock (a second booking of the same person waits here, then counts at READ
 * COMMITTED with a fresh snapshot that sees the first one's booking); SQLite serialises writers anyway.
 * Without it two concurrent bookings would both count below `perPersonLimit`.
 */
export async function lockPerson(q: Queryable, personHash: string, now: string): Promise<void> {
  await q.execute(
    `INSERT INTO appointment_person_locks (person_hash, locked_at) VALUES ($1, $2)
     ON CONFLICT (person_hash) DO UPDATE SET locked_at = excluded.locked_at`,
    [personHash, now],
  );
}

export async function countOpen(q: Queryable, personHash: string, today: string): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointments WHERE person_hash = $1 AND state = 'booked' AND service_date >= $2`,
    [personHash, today],
  );
  return Number(r?.n ?? 0);
}

/** A person's bookings still ahead (booked, today or later), soonest first: the kiosk's 我的预约 after a card read. */
export async function openOf(q: Queryable, personHash: string, today: string): Promise<AppointmentRow[]> {
  return q.query<AppointmentRow>(
    `SELECT * FROM appointments WHERE person_hash = $1 AND state = 'booked' AND service_date >= $2 ORDER BY service_date, start_time LIMIT 20`,
    [personHash, today],
  );
}

export async function countNoShows(q: Queryable, personHash: string, since: string): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointments WHERE person_hash = $1 AND state = 'no-show' AND service_date >= $2`,
    [personHash, since],
  );
  return Number(r?.n ?? 0);
}

/** Moves an appointment from one state to another; false when it was no longer in `from` (a race lost). */
export async function setState(q: Queryable, id: string, from: AppointmentState, to: AppointmentState, now: string): Promise<boolean> {
  return (await q.execute('UPDATE appointments SET state = $3, updated_at = $4 WHERE id = $1 AND state = $2', [id, from, to, now])) === 1;
}

export async function setTicket(q: Queryable, id: string, ticketId: string, number: string, now: string): Promise<void> {
  await q.execute('UPDATE appointments SET ticket_id = $2, ticket_number = $3, updated_at = $4 WHERE id = $1', [id, ticketId, number, now]);
}

/** Bookings whose check-in window has closed become no-shows: earlier days, and today's started before `lateFrom`. */
export async function markNoShows(q: Queryable, today: string, lateFrom: string, now: string): Promise<number> {
  return q.execute(
    `UPDATE appointments SET state = 'no-show', updated_at = $3
     WHERE state = 'booked' AND (service_date < $1 OR (service_date = $1 AND start_time < $2))`,
    [today, lateFrom, now],
  );
}

/**
 * A check-in claimed but never finished (the daemon died between the claim and the ticket): the person got
 * no answer, so the booking is theirs again after `before`.
 */
export async function releaseStuckCheckIns(q: Queryable, before: string, now: string): Promise<number> {
  return q.execute(
    `UPDATE appointments SET state = 'booked', updated_at = $2 WHERE state = 'checked-in' AND ticket_id IS NULL AND updated_at < $1`,
    [before, now],
  );
}

/** Personal data gone after the retention: hash, masked name and number, phone, and pending texts' phones. */
export async function erasePersonalData(q: Queryable, before: string, now: string): Promise<number> {
  await q.execute(
    `UPDATE appointment_notifications SET phone_sealed = NULL WHERE appointment_id IN
       (SELECT id FROM appointments WHERE service_date < $1 AND erased_at IS NULL)`,
    [before],
  );
  const erased = await q.execute(
    `UPDATE appointments SET person_hash = NULL, id_masked = NULL, name_masked = NULL, phone_sealed = NULL, phone_masked = NULL,
       erased_at = $2 WHERE service_date < $1 AND erased_at IS NULL`,
    [before, now],
  );
  // The lock row of a person none of whose bookings keeps the hash any more goes too.
  await q.execute(
    'DELETE FROM appointment_person_locks WHERE person_hash NOT IN (SELECT person_hash FROM appointments WHERE person_hash IS NOT NULL)',
  );
  return erased;
}

/** Today's checked-in appointments with a phone, whose ticket may still need «轮到您» or 过号 texts. */
export async function checkedInWithPhone(q: Queryable, today: string): Promise<AppointmentRow[]> {
  return q.query<AppointmentRow>(
    `SELECT * FROM appointments WHERE service_date = $1 AND state = 'checked-in' AND ticket_id IS NOT NULL AND phone_sealed IS NOT NULL
     AND id NOT IN (SELECT appointment_id FROM appointment_notifications WHERE kind = 'missed')`,
    [today],
  );
}

export async function bookedOnDay(q: Queryable, date: string): Promise<AppointmentRow[]> {
  return q.query<AppointmentRow>(`SELECT * FROM appointments WHERE service_date = $1 AND state = 'booked' AND phone_sealed IS NOT NULL`, [date]);
}
