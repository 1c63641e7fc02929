import type { FastifyInstance } from 'fastify';
import { DomainError, notFound } from '../core/errors';
import type { DeviceDriver, DeviceStatus, HealthLevel, HealthResult } from '../devices/core/device';
import type { LogLine, LogRing } from './log-ring';
import type { MaintenanceSessions } from './sessions';
import { systemFacts, type SystemFacts } from './system-facts';
import { diagnosticBundle } from './bundle';

/** A self-test that does not finish in this time is reported as failed (an interactive one waits on a person). */
export const HEALTH_TIMEOUT_MS = 120_000;

/**
 * What the technician's screens ask for, in one place: device overviews, self-tests, the log tail, system
 * facts and the diagnostic bundle. Routes call exactly one method each.
 */
export class MaintenanceService {
  private readonly running = new Set<string>();
  readonly startedAt: Date;

  constructor(
    private readonly app: FastifyInstance,
    readonly sessions: MaintenanceSessions,
    private readonly ring: LogRing,
  ) {
    this.startedAt = app.clock.now();
  }

  devices(): DeviceStatus[] {
    return this.app.deviceList().map((d) => d.status());
  }

  device(name: string): DeviceDriver {
    const device = this.app.deviceList().find((d) => d.name === name);
    if (!device) throw notFound('DEVICE_NOT_FITTED', `本机未配置设备 ${name}`);
    return device;
  }

  /** Runs the driver's checkHealth at `level`; one self-test per device at a time. */
  async checkHealth(name: string, level: HealthLevel): Promise<{ result: HealthResult; device: DeviceStatus }> {
    const device = this.device(name);
    if (this.running.has(name)) throw new DomainError('HEALTH_CHECK_RUNNING', `${name} 正在自检，请稍候`, 409);
    this.running.add(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<HealthResult>((resolve) => {
        timer = setTimeout(
          () => resolve({ level, ok: false, text: `自检超时（${HEALTH_TIMEOUT_MS / 1000} 秒无结果）`, at: new Date().toISOString() }),
          HEALTH_TIMEOUT_MS,
        );
      });
      const result = await Promise.race([device.checkHealth(level), timeout]);
      this.app.log.info({ device: name, level, ok: result.ok }, 'maintenance self-test');
      this.app.events.publish('maintenance.health', { device: name, result });
      return { result, device: device.status() };
    } finally {
      clearTimeout(timer);
      this.running.delete(name);
    }
  }

  logTail(limit: number): LogLine[] {
    return this.ring.tail(limit);
  }

  async system(): Promise<SystemFacts> {
    return systemFacts(this.app, this.startedAt);
  }

  bundle() {
    return diagnosticBundle(this.app, this.startedAt, this.ring);
  }
}
