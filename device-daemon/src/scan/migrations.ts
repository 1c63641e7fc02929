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
  {
    // Materials to the window (issue 13): the ticket a submission belongs to, the window's review, every PDF opening.
    id: '002-window',
    sql: `
ALTER TABLE scan_submissions ADD COLUMN ticket_id TEXT;
ALTER TABLE scan_submissions ADD COLUMN missing TEXT;
ALTER TABLE scan_submissions ADD COLUMN review TEXT;
ALTER TABLE scan_submissions ADD COLUMN service_ended_at TEXT;
CREATE INDEX scan_submissions_ticket ON scan_submissions (ticket_id);
CREATE TABLE scan_pdf_openings (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  staff_id TEXT,
  counter INTEGER,
  via TEXT NOT NULL,
  opened_at TEXT NOT NULL
);
CREATE INDEX scan_pdf_openings_submission ON scan_pdf_openings (submission_id, opened_at);
`,
  },
];
