import type { Migration } from '../store/db';

/** Help requests with the three times the statistics need: requested, taken, closed. */
export const helpMigrations: readonly Migration[] = [
  {
    id: '001-help-requests',
    sql: `
CREATE TABLE help_requests (
  id TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  screen TEXT NOT NULL,
  elder INTEGER NOT NULL,
  state TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  taken_at TEXT,
  taken_by TEXT,
  taken_counter INTEGER,
  closed_at TEXT,
  closed_by TEXT,
  outcome TEXT
);
CREATE INDEX help_requests_state ON help_requests (state, requested_at);
`,
  },
  {
    // Staff-issued 绿色通道 tickets: who granted the priority and why.
    id: '002-priority-grants',
    sql: `
CREATE TABLE priority_grants (ticket_id TEXT PRIMARY KEY, issued_by TEXT NOT NULL, reason TEXT NOT NULL, issued_at TEXT NOT NULL);
`,
  },
];
