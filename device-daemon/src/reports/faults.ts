import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../core/clock';
import { serviceDate } from '../core/hall-time';
import type { EventBus } from '../events/bus';
import type { Db } from '../store/db';
import { deviceCatalog } from '../devices/descriptors';
import type { DeviceFault, DeviceFaultFigures } from './types';

/** A device in one of these states cannot serve: 故障 (error) or 离线 (offline, configured but unreachable). */
const FAULTY = new Set(['error', 'offline']);
/** The technician's name of a device (票据打印机); a device another kiosk's version has and this one not, as named. */
const labels = new Map<string, string>(deviceCatalog().map((d) => [d.name, d.label]));
const labelOf = (device: string) => labels.get(device) ?? device;

interface FaultRow {
  kiosk_id: string;
  device: string;
  state: string;
  reason: string | null;
  started_at: string;
  ended_at: string | null;
}

/**
 * Each daemon writes its devices' faults into the store (`device_faults`: one row per episode, from the state it
 * entered to the state it came back from), so on PostgreSQL the manager sees every kiosk's faults, live and in
 * the statistics, and publishes `device.fault` (relayed hall-wide) so every manager page refreshes.
 */
export class DeviceFaultLog {
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly kioskId: string,
    private readonly timeZone: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Closes what this kiosk left open when it last stopped (its devices report afresh), then follows their states. */
  async start(): Promise<() => void> {
    await this.db.execute('UPDATE device_faults SET ended_at = $2 WHERE kiosk_id = $1 AND ended_at IS NULL', [this.kioskId, this.now()]);
    return this.events.subscribe((e) => {
      if (e.type !== 'device.state') return;
      const was = FAULTY.has(e.previous);
      const is = FAULTY.has(e.state);
      if (!was && !is) return;
      if (was && is && e.state === e.previous) return;
      // In order, one at a time: a fault and its end in the same tick must not race.
      this.writes = this.writes.then(() => this.record(e.device, is ? e.state : null, e.reason ?? null))
        .catch((err: Error & { code?: string }) => this.log.warn({ device: e.device, code: err.code }, 'device fault not recorded'));
    });
  }

  async flush(): Promise<void> {
    await this.writes;
  }

  private async record(device: string, state: string | null, reason: string | null): Promise<void> {
    const at = this.now();
    await this.db.tx(async (q) => {
      await q.execute('UPDATE device_faults SET ended_at = $3 WHERE kiosk_id = $1 AND device = $2 AND ended_at IS NULL', [this.kioskId, device, at]);
      if (state) {
        await q.execute(
          `INSERT INTO device_faults (id, kiosk_id, device, state, reason, service_date, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [randomUUID(), this.kioskId, device, state, reason?.slice(0, 200) ?? null, serviceDate(this.clock.now(), this.timeZone), at],
        );
      }
    });
    this.events.publish('device.fault', { kioskId: this.kioskId, device, state: state ?? 'ready' });
  }

  /** Devices in fault now, on every kiosk writing to this store. */
  async open(): Promise<DeviceFault[]> {
    const rows = await this.db.query<FaultRow>(
      'SELECT kiosk_id, device, state, reason, started_at, ended_at FROM device_faults WHERE ended_at IS NULL ORDER BY started_at',
    );
    return rows.map((r) => ({ kioskId: r.kiosk_id, device: r.device, label: labelOf(r.device), state: r.state, reason: r.reason, since: r.started_at }));
  }

  /** Faults that began in a range of service days, by kiosk and device: how many and how long (minutes, to now if open). */
  async figures(from: string, to: string): Promise<DeviceFaultFigures[]> {
    const rows = await this.db.query<FaultRow>(
      'SELECT kiosk_id, device, state, reason, started_at, ended_at FROM device_faults WHERE service_date BETWEEN $1 AND $2',
      [from, to],
    );
    const now = this.clock.now().getTime();
    const out = new Map<string, DeviceFaultFigures>();
    for (const r of rows) {
      const k = `${r.kiosk_id}|${r.device}`;
      const f = out.get(k) ?? { kioskId: r.kiosk_id, device: r.device, label: labelOf(r.device), faults: 0, minutes: 0, open: 0 };
      f.faults += 1;
      f.minutes += ((r.ended_at ? Date.parse(r.ended_at) : now) - Date.parse(r.started_at)) / 60_000;
      if (!r.ended_at) f.open += 1;
      out.set(k, f);
    }
    return [...out.values()].map((f) => ({ ...f, minutes: Math.round(f.minutes) }))
      .sort((a, b) => a.kioskId.localeCompare(b.kioskId) || a.device.localeCompare(b.device));
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
