import type { Migration } from '../store/db';

/**
 * Device statistics survive restarts (UnifiedPOS statistics are lifetime counters). One row per kiosk, device
 * and statistic name, so a hall-wide PostgreSQL store keeps every kiosk's counters apart.
 */
export const maintenanceMigrations: Migration[] = [
  {
    id: '001-device-statistics',
    sql: `
CREATE TABLE IF NOT EXISTS device_statistics (
  kiosk_id TEXT NOT NULL,
  device TEXT NOT NULL,
  statistic TEXT NOT NULL,
  value INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kiosk_id, device, statistic)
)`,
  },
];
