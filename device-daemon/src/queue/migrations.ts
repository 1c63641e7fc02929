import type { Migration } from '../store/db';

export const queueMigrations: Migration[] = [
  {
    id: '001-tickets',
    sql: `
CREATE TABLE IF NOT EXISTS ticket_counters (
  category_id TEXT NOT NULL,
  service_date TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (category_id, service_date)
);
CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  category_id TEXT NOT NULL,
  service_date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('issued','called','serving','done','no-show','cancelled','held','transferred')),
  priority INTEGER NOT NULL DEFAULT 0,
  delivery TEXT NOT NULL CHECK (delivery IN ('print','screen')),
  printed INTEGER NOT NULL DEFAULT 0,
  person_hash TEXT,
  kiosk_id TEXT,
  counter INTEGER,
  recalls INTEGER NOT NULL DEFAULT 0,
  issued_at TEXT NOT NULL,
  called_at TEXT,
  serving_at TEXT,
  done_at TEXT,
  UNIQUE (category_id, service_date, seq)
);
CREATE INDEX IF NOT EXISTS tickets_day_state ON tickets (service_date, category_id, state, seq);
CREATE INDEX IF NOT EXISTS tickets_person ON tickets (person_hash, service_date)`,
  },
  {
    id: '002-appointment-tickets',
    sql: `ALTER TABLE tickets ADD COLUMN appointment_id TEXT`,
  },
];
