import type { Migration } from '../store/db';

/** Scan submissions and their pages. Page images live in files under `<dataDir>/scans/work/<submission>/`. */
export const scanMigrations: readonly Migration[] = [
  {
    id: '001-submissions',
    sql: `
CREATE TABLE scan_counters (service_date TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
CREATE TABLE scan_submissions (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  matter_id TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  state TEXT NOT NULL,
  applicant_masked TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT,
  pdf_file TEXT,
  pdf_bytes INTEGER,
  page_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX scan_submissions_state ON scan_submissions (state, updated_at);
CREATE TABLE scan_pages (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  material_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  resolution INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX scan_pages_submission ON scan_pages (submission_id, material_id, position);
`,
  },
];
