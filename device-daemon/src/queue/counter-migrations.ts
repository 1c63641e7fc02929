import type { Migration } from '../store/db';

/**
 * Namespace `counter`: the state of each window (counter) and an append-only log of calls, which the hall
 * display reads to show the last calls. Tickets themselves stay in the queue namespace's table.
 */
export const counterMigrations: Migration[] = [
  {
    id: '001-counters-calls',
    sql: `
CREATE TABLE IF NOT EXISTS counters (
  counter INTEGER PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('open','paused')),
  ticket_id TEXT REFERENCES tickets (id),
  normal_streak INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ticket_calls (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  number TEXT NOT NULL,
  category_id TEXT NOT NULL,
  counter INTEGER NOT NULL,
  service_date TEXT NOT NULL,
  recall INTEGER NOT NULL DEFAULT 0,
  called_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ticket_calls_day ON ticket_calls (service_date, called_at);
CREATE TABLE IF NOT EXISTS ticket_transfers (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  from_category TEXT NOT NULL,
  to_category TEXT NOT NULL,
  counter INTEGER NOT NULL,
  at TEXT NOT NULL
)`,
  },
  {
    // Who served a ticket (the staff member's 工号), a log of who did each window action, and the record of each
    // finished service (办件): its 事项 and 办件编号 where known; one per ticket, a 办件编号 used once (issue 10).
    id: '002-served-by-actions',
    sql: `
ALTER TABLE tickets ADD COLUMN served_by TEXT;
CREATE TABLE IF NOT EXISTS counter_actions (
  id TEXT PRIMARY KEY,
  counter INTEGER NOT NULL,
  action TEXT NOT NULL,
  ticket_id TEXT,
  staff_id TEXT,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS service_cases (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets (id),
  ticket_number TEXT NOT NULL,
  case_number TEXT UNIQUE,
  matter_code TEXT,
  counter INTEGER NOT NULL,
  staff_id TEXT,
  source TEXT NOT NULL,
  finished_at TEXT NOT NULL
)`,
  },
];
