import type { Migration } from '../store/db';

/**
 * Namespace `reports`: daily (and, from 002, monthly) rollups of closed service days, so a year of tickets answers from ~50 rows a day
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
  {
    // One row per closed period, a day (YYYY-MM-DD) or a month (YYYY-MM, merged from its days), holding every
    // tally of it as JSON (tickets by category, window, staff, hour and weekday with duration histograms;
    // ratings by level, source and staff; 差评 reasons): a year reads ~40 rows instead of 13,000 day rows and
    // 200,000 ratings. Inserting the row claims the period, so a second daemon rolling it up adds nothing.
    // Rollups are derived data: the day rows of 001 are dropped and rebuilt on demand.
    id: '002-period-rollups',
    sql: `
DROP TABLE report_rollups;
DROP TABLE report_days;
CREATE TABLE report_periods (
  period TEXT PRIMARY KEY,
  tallies TEXT NOT NULL,
  rolled_up_at TEXT NOT NULL
)`,
  },
  {
    // Device faults of every kiosk writing to this store, one row per episode (faults.ts): the live hall and
    // the statistics by device read it.
    id: '003-device-faults',
    sql: `
CREATE TABLE device_faults (
  id TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  device TEXT NOT NULL,
  state TEXT NOT NULL,
  reason TEXT,
  service_date TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX device_faults_day ON device_faults (service_date);
CREATE INDEX device_faults_open ON device_faults (kiosk_id, device, ended_at)`,
  },
];
