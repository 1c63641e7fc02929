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
];
