import { EventEmitter } from 'node:events';
import { errorCode } from '../../core/errors';
import { PoweredTime } from './powered-time';
import type { DeviceErrorRecord, DeviceEvents, DeviceState, DeviceStatus, HealthLevel, HealthResult } from './device-types';

export type * from './device-types';

const RECENT_ERRORS = 20;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
/** How often a device in `error` asks whether its fault cleared (jam removed, paper loaded, cover shut). */
export const ERROR_RECHECK_MS = 2000;

/**
 * The one device model every driver shares: state machine, statistics with UnifiedPOS names, a ring of recent
 * errors, checkHealth, and reconnect with backoff. Subclasses implement `connect`, `disconnect` and `probe`.
 *
 * Lifecycle: `open()` -> connect (idle) ... a lost connection -> offline, retried with backoff ... `close()`.
 * `open()` never throws for a missing device: the kiosk starts and the device reports offline until it appears.
 * `connect` never runs twice at once nor while connected (a second `open()` is a no-op), and a connect that
 * finishes after `close()` is undone, so subclasses may attach listeners in `connect` without counting.
 * HoursPoweredCount counts the time between a successful connect and the loss or close (powered-time.ts).
 */
export abstract class DeviceDriver extends EventEmitter<DeviceEvents> {
  /** The device's name in devices/descriptors.ts. */
  abstract readonly name: string;
  abstract readonly driver: string;
  readonly simulated: boolean;

  private state_: DeviceState = 'closed';
  private since = new Date().toISOString();
  private reason: string | undefined;
  private readonly errors: DeviceErrorRecord[] = [];
  private lastHealth: HealthResult | undefined;
  private retry: NodeJS.Timeout | undefined;
  private attempt = 0;
  private wanted = false;
  private connecting: Promise<void> | undefined;
  private recheckTimer: NodeJS.Timeout | undefined;
  private rechecking = false;
  private readonly powered: PoweredTime;
  protected readonly statistics: Record<string, number> = {};

  /** `monotonicMs`: the clock of HoursPoweredCount (performance.now by default), injectable for tests. */
  constructor(opts: { simulated: boolean; monotonicMs?: () => number }) {
    super();
    this.simulated = opts.simulated;
    this.powered = new PoweredTime(opts.monotonicMs);
  }

  get state(): DeviceState {
    return this.state_;
  }

  /** Connects to the device; resolves once it answered. Throws with a plain reason when it cannot. */
  protected abstract connect(): Promise<void>;
  /** Releases the device. Must not throw. */
  protected abstract disconnect(): Promise<void>;
  /** Health check at the given level; throw or return ok:false with a plain text. */
  protected abstract probe(level: HealthLevel): Promise<{ ok: boolean; text: string }>;
  /** Device-specific facts for the status page. */
  protected detail(): Record<string, unknown> {
    return {};
  }
  /**
   * Whether the fault behind `error` is gone, asked quietly (no statistics, no recent error). Called every
   * ERROR_RECHECK_MS while in `error`, so a cleared fault shows within seconds without waiting for the next
   * job. The internal health check by default; undefined when the driver's own polling already tells.
   */
  protected recheck(): Promise<boolean> | undefined {
    return this.probe('internal').then((r) => r.ok, () => false);
  }
  /** A short description of the transport (`serial /dev/ttyUSB0 @115200`). */
  protected transportDescription(): string | undefined {
    return undefined;
  }

  async open(): Promise<void> {
    this.wanted = true;
    if (this.powered.running) return; // already connected
    clearTimeout(this.retry);
    await this.tryConnect();
  }

  async close(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.retry);
    this.retry = undefined;
    this.stopRecheck();
    this.powered.stop();
    await this.disconnect();
    this.setState('closed');
  }

  private tryConnect(): Promise<void> {
    this.connecting ??= this.connectOnce().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connectOnce(): Promise<void> {
    if (!this.wanted || this.powered.running) return;
    try {
      await this.connect();
    } catch (err) {
      this.recordError(errorCode(err, 'OPEN_FAILED'), (err as Error).message);
      this.connectionLost((err as Error).message);
      return;
    }
    if (!this.wanted) {
      await this.disconnect(); // closed while connecting: undo what connect() set up
      return;
    }
    this.attempt = 0;
    this.powered.start();
    if (this.state_ === 'closed' || this.state_ === 'offline') this.setState('idle');
  }

  /** Subclasses call this when their device is back (hot-plug): connect now, not at the next backoff step. */
  protected reconnectNow(): void {
    if (!this.wanted || this.powered.running) return;
    clearTimeout(this.retry);
    this.retry = undefined;
    void this.tryConnect();
  }

  /** Subclasses call this when the transport went away; the driver goes offline and retries with backoff. */
  protected connectionLost(reason: string): void {
    this.powered.stop();
    if (!this.wanted) return;
    this.setState('offline', reason);
    clearTimeout(this.retry);
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]!;
    this.attempt += 1;
    this.retry = setTimeout(() => void this.tryConnect(), delay);
    this.retry.unref();
  }

  protected setState(state: DeviceState, reason?: string): void {
    const previous = this.state_;
    const changed = previous !== state || this.reason !== reason;
    if (previous !== state) this.since = new Date().toISOString();
    this.state_ = state;
    this.reason = state === 'idle' ? undefined : reason;
    if (state === 'error') this.startRecheck();
    else this.stopRecheck();
    if (changed) {
      if (previous !== state) this.emit('state', { state, previous, reason });
      this.emit('status', this.status());
    }
  }

  private startRecheck(): void {
    if (this.recheckTimer) return;
    this.recheckTimer = setInterval(() => void this.recheckOnce(), ERROR_RECHECK_MS);
    this.recheckTimer.unref();
  }

  private stopRecheck(): void {
    clearInterval(this.recheckTimer);
    this.recheckTimer = undefined;
  }

  private async recheckOnce(): Promise<void> {
    if (this.rechecking || this.state_ !== 'error') return;
    this.rechecking = true;
    try {
      const cleared = await this.recheck();
      if (cleared === undefined) this.stopRecheck();
      else if (cleared && this.state_ === 'error') this.setState('idle');
    } finally {
      this.rechecking = false;
    }
  }

  /** Announce that `detail()` changed without a state change (e.g. paper near end). */
  protected statusChanged(): void {
    this.emit('status', this.status());
  }

  protected count(statistic: string, by = 1): void {
    this.statistics[statistic] = (this.statistics[statistic] ?? 0) + by;
  }

  protected recordError(code: string, message: string, locus?: 'input' | 'output'): void {
    const record: DeviceErrorRecord = { at: new Date().toISOString(), code, message, locus };
    this.errors.unshift(record);
    this.errors.length = Math.min(this.errors.length, RECENT_ERRORS);
    this.emit('fault', record);
  }

  async checkHealth(level: HealthLevel): Promise<HealthResult> {
    let result: { ok: boolean; text: string };
    try {
      result = this.state_ === 'closed' ? { ok: false, text: '设备未打开' } : await this.probe(level);
    } catch (err) {
      result = { ok: false, text: (err as Error).message };
    }
    this.lastHealth = { level, ...result, at: new Date().toISOString() };
    return this.lastHealth;
  }

  /** Statistics persisted by the daemon across restarts are loaded back here at start. */
  restoreStatistics(saved: Record<string, number>): void {
    const rest = this.powered.restore(saved);
    for (const [k, v] of Object.entries(rest)) this.statistics[k] = (this.statistics[k] ?? 0) + v;
  }

  status(): DeviceStatus {
    return {
      name: this.name,
      driver: this.driver,
      simulated: this.simulated,
      state: this.state_,
      since: this.since,
      ...(this.reason ? { reason: this.reason } : {}),
      transport: this.transportDescription(),
      detail: this.detail(),
      statistics: { ...this.statistics, ...this.powered.statistics() },
      recentErrors: [...this.errors],
      ...(this.lastHealth ? { lastHealth: this.lastHealth } : {}),
    };
  }
}
