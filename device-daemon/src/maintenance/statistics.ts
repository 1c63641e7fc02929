import type { Clock } from '../core/clock';
import type { DeviceDriver } from '../devices/core/device';
import type { Db } from '../store/db';

/** Statistic names are UnifiedPOS identifiers; anything else is not stored (and cannot be injected). */
const STATISTIC_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/**
 * Saves and restores each device's statistics. `restore` must run once, before the devices count anything
 * that matters (the maintenance plugin does it at registration, before the devices open on ready):
 * `restoreStatistics` adds the saved values to the driver's counters.
 */
export class StatisticsStore {
  constructor(
    private readonly db: Db,
    private readonly kioskId: string,
    private readonly clock: Clock,
  ) {}

  async load(): Promise<Record<string, Record<string, number>>> {
    const rows = await this.db.query<{ device: string; statistic: string; value: number }>(
      'SELECT device, statistic, value FROM device_statistics WHERE kiosk_id = $1',
      [this.kioskId],
    );
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) (out[r.device] ??= {})[r.statistic] = Number(r.value);
    return out;
  }

  async restore(devices: DeviceDriver[]): Promise<void> {
    const saved = await this.load();
    for (const d of devices) if (saved[d.name]) d.restoreStatistics(saved[d.name]!);
  }

  /** Writes every device's current (lifetime) counters in one transaction. */
  async save(devices: DeviceDriver[]): Promise<number> {
    const at = this.clock.now().toISOString();
    const rows = devices.flatMap((d) =>
      Object.entries(d.status().statistics)
        .filter(([name, value]) => STATISTIC_NAME.test(name) && Number.isSafeInteger(value))
        .map(([name, value]) => [d.name, name, value] as const),
    );
    if (rows.length === 0) return 0;
    await this.db.tx(async (q) => {
      for (const [device, statistic, value] of rows) {
        await q.execute(
          `INSERT INTO device_statistics (kiosk_id, device, statistic, value, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (kiosk_id, device, statistic) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
          [this.kioskId, device, statistic, value, at],
        );
      }
    });
    return rows.length;
  }
}
