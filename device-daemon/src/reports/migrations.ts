import type { Migration } from '../store/db';

/**
 * Namespace `reports`: daily rollups of closed service days, so a year of tickets answers from ~50 rows a day
 * instead of every ticket. One row per (day, dimension, key); waits and service times as histograms of
 * half-minute buckets, from which medians and 90th percentiles of any range are merged. `report_days` marks a
 * day rolled up (written in the same transaction as its rows). Today is never rolled up: it is counted live.
 */
export const reportMigrations: Migration[] = [
  {
    id: '001-daily-rollups',
    sql: `
CREATE TABLE IF NOT EXISTS report_days (
  service_date TEXT PRIMARY KEY,
  rolled_up_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_rollups (
  service_date TEXT NOT NULL,
  dimension TEXT NOT NULL CHECK (dimension IN ('category','window','staff','hour')),
  key TEXT NOT NULL,
  issued INTEGER NOT NULL,
  served INTEGER NOT NULL,
  no_show INTEGER NOT NULL,
  transferred INTEGER NOT NULL,
  wait_hist TEXT NOT NULL,
  service_hist TEXT NOT NULL,
  PRIMARY KEY (service_date, dimension, key)
);
CREATE INDEX IF NOT EXISTS evaluations_rated_level ON evaluations (rated_date, level, staff_id)`,
  },
];
