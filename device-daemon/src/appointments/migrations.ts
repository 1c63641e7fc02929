import type { Migration } from '../store/db';

export const appointmentMigrations: Migration[] = [
  {
    id: '001-appointments',
    sql: `
CREATE TABLE IF NOT EXISTS appointment_slots (
  id TEXT PRIMARY KEY,
  category_id TEXT NOT NULL,
  service_date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  booked INTEGER NOT NULL DEFAULT 0,
  CHECK (booked >= 0 AND booked <= capacity)
);
CREATE TABLE IF NOT EXISTS appointments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  slot_id TEXT NOT NULL,
  category_id TEXT NOT NULL,
  service_date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('booked','cancelled','checked-in','no-show')),
  source TEXT NOT NULL CHECK (source IN ('phone','kiosk','integration')),
  external_id TEXT UNIQUE,
  person_hash TEXT,
  id_masked TEXT,
  name_masked TEXT,
  phone_sealed TEXT,
  phone_masked TEXT,
  ticket_id TEXT,
  ticket_number TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  erased_at TEXT
);
CREATE INDEX IF NOT EXISTS appointments_person ON appointments (person_hash, state, service_date);
CREATE INDEX IF NOT EXISTS appointments_day ON appointments (service_date, state);
CREATE TABLE IF NOT EXISTS appointment_notifications (
  id TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('confirmed','reminder','near','missed','cancelled')),
  phone_sealed TEXT,
  text TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending','delivered','dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  leased_until TEXT,
  last_error TEXT,
  delivered_at TEXT,
  dead_at TEXT
);
CREATE INDEX IF NOT EXISTS appointment_notifications_due ON appointment_notifications (state, next_attempt_at)`,
  },
  {
    // One row per person who has booked: the booking's transaction takes it (an upsert, which locks the row on
    // PostgreSQL until commit) before counting that person's open bookings, so one person's bookings take turns.
    id: '002-person-locks',
    sql: `CREATE TABLE IF NOT EXISTS appointment_person_locks (person_hash TEXT PRIMARY KEY, locked_at TEXT NOT NULL)`,
  },
];
