import type { Migration } from '../store/db';

/**
 * Namespace `staff`: who is signed in at which window (AB岗). A session is a row; only the SHA-256 of its bearer
 * token is kept. Kept in the store, not in memory, so a restart or another daemon of the hall sees the same duty.
 * At most one open session per window and post, and one open session per person.
 */
export const dutyMigrations: Migration[] = [
  {
    id: '001-counter-sessions',
    sql: `
CREATE TABLE IF NOT EXISTS counter_sessions (
  id TEXT PRIMARY KEY,
  counter INTEGER NOT NULL,
  post TEXT NOT NULL CHECK (post IN ('A','B')),
  staff_id TEXT NOT NULL,
  token_sha256 TEXT NOT NULL UNIQUE,
  on_duty INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT,
  open_key TEXT UNIQUE,
  staff_open_key TEXT UNIQUE
)`,
  },
];
