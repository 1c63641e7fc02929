import type { Migration } from '../store/db';

/**
 * Namespace `workorders`: 差评工单, one per 不满意 / 非常不满意 rating, its id the rating's follow-up id. Each step
 * (核实, 整改, 回复, 办结) keeps its text, time and the manager's 工号; the rater's phone is kept only sealed
 * (core/crypto/sealed.ts) beside its masked form, and erased with the 工单's retention.
 */
export const workorderMigrations: Migration[] = [
  {
    id: '001-workorders',
    sql: `
CREATE TABLE IF NOT EXISTS workorders (
  id TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL UNIQUE REFERENCES evaluations (id),
  ticket_id TEXT NOT NULL,
  ticket_number TEXT NOT NULL,
  level INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  channel TEXT NOT NULL,
  real_name INTEGER NOT NULL,
  counter INTEGER,
  staff_id TEXT,
  staff_name TEXT,
  case_number TEXT,
  matter_code TEXT,
  matter_name TEXT,
  department TEXT,
  opened_at TEXT NOT NULL,
  due_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open','verified','rectified','replied','closed')),
  verified_at TEXT,
  verified_by TEXT,
  verification TEXT,
  rectified_at TEXT,
  rectified_by TEXT,
  rectification TEXT,
  replied_at TEXT,
  replied_by TEXT,
  reply TEXT,
  replied_to TEXT,
  closed_at TEXT,
  closed_by TEXT,
  closing_note TEXT,
  rater_name_masked TEXT,
  phone_sealed TEXT,
  phone_masked TEXT,
  consent_at TEXT
);
CREATE INDEX IF NOT EXISTS workorders_state_due ON workorders (state, due_date);
CREATE INDEX IF NOT EXISTS workorders_ticket ON workorders (ticket_id)`,
  },
];
