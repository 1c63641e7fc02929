import type { Migration } from '../store/db';

/**
 * Namespace `evaluation`: ratings (one per ticket), the outbox of deliveries to the provincial system (written
 * in the rating's transaction; `dead` is the dead letter technicians see), and follow-ups of bad ratings.
 */
export const evaluationMigrations: Migration[] = [
  {
    id: '001-evaluations-outbox-follow-ups',
    sql: `
CREATE TABLE IF NOT EXISTS evaluations (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets (id),
  ticket_number TEXT NOT NULL,
  category_id TEXT NOT NULL,
  category_name TEXT NOT NULL,
  service_date TEXT NOT NULL,
  ticket_state TEXT NOT NULL,
  counter INTEGER,
  staff_id TEXT,
  staff_name TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('keypad','kiosk','qr','system')),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reasons TEXT NOT NULL,
  comment TEXT,
  real_name INTEGER NOT NULL DEFAULT 0,
  person_hash TEXT,
  source TEXT NOT NULL CHECK (source IN ('person','default')),
  kiosk_id TEXT,
  rated_at TEXT NOT NULL,
  rated_date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evaluations_rated_date ON evaluations (rated_date, rated_at);
CREATE TABLE IF NOT EXISTS evaluation_outbox (
  evaluation_id TEXT PRIMARY KEY REFERENCES evaluations (id),
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending','delivered','dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  leased_until TEXT,
  last_error TEXT,
  delivered_at TEXT,
  dead_at TEXT
);
CREATE INDEX IF NOT EXISTS evaluation_outbox_due ON evaluation_outbox (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS evaluation_follow_ups (
  id TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL UNIQUE REFERENCES evaluations (id),
  ticket_number TEXT NOT NULL,
  level INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  real_name INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  due_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open','closed')),
  closed_at TEXT,
  resolution TEXT
);
CREATE INDEX IF NOT EXISTS evaluation_follow_ups_open ON evaluation_follow_ups (state, due_date)`,
  },  {
    // The window's service behind a rating (issue 10): 事项, 办件编号 (one rating per 办件), and whether the reasons
    // of a bad rating were given (a window keypad has no screen to ask them).
    id: '002-window-service',
    sql: `
ALTER TABLE evaluations ADD COLUMN matter_code TEXT;
ALTER TABLE evaluations ADD COLUMN matter_name TEXT;
ALTER TABLE evaluations ADD COLUMN case_number TEXT;
ALTER TABLE evaluations ADD COLUMN reasons_given INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX IF NOT EXISTS evaluations_case_number ON evaluations (case_number)`,
  },
  {
    // One outbox for every message to the provincial system: ratings and 差评工单 steps (kind), each row keyed by
    // its own Idempotency-Key. Replaces evaluation_outbox, whose key had to be a rating id; its rows move over.
    id: '002-upstream-outbox-kinds',
    sql: `
CREATE TABLE IF NOT EXISTS upstream_outbox (
  message_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('rating','workorder')),
  label TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending','delivered','dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  leased_until TEXT,
  last_error TEXT,
  delivered_at TEXT,
  dead_at TEXT
);
CREATE INDEX IF NOT EXISTS upstream_outbox_due ON upstream_outbox (state, next_attempt_at);
INSERT INTO upstream_outbox (message_id, kind, label, payload, state, attempts, created_at, next_attempt_at, leased_until,
  last_error, delivered_at, dead_at)
SELECT o.evaluation_id, 'rating', e.ticket_number, o.payload, o.state, o.attempts, o.created_at, o.next_attempt_at,
  o.leased_until, o.last_error, o.delivered_at, o.dead_at
FROM evaluation_outbox o JOIN evaluations e ON e.id = o.evaluation_id;
DROP TABLE evaluation_outbox`,
  },
];
