/** UnifiedPOS statistic: whole hours the device has been open (connected). */
export const HOURS_POWERED = 'HoursPoweredCount';
/** The seconds of the current, not yet whole, hour; persisted beside the hours so a restart loses under a second. */
export const POWERED_REMAINDER = 'PoweredSecondsRemainder';

const MS_PER_SECOND = 1000;
const SECONDS_PER_HOUR = 3600;

/**
 * Time a device has been connected, for HoursPoweredCount.
 *
 * Decision: the total is kept as milliseconds; what is shown and persisted is derived from it as two whole
 * numbers, HoursPoweredCount (floor of hours) and PoweredSecondsRemainder (0..3599). The maintenance store
 * keeps integers only and writes absolute values (upsert) on every save cycle, and `restore` runs once at
 * start and adds: since both numbers come from the one total, saving any number of times never counts an hour
 * twice, and a restart carries the part of an hour that had run (a kiosk restarted nightly would otherwise
 * lose half an hour a day).
 *
 * Time comes from a monotonic clock (performance.now by default): a kiosk that boots with a wrong RTC and is
 * corrected by NTP must not gain or lose months of powered time.
 */
export class PoweredTime {
  private totalMs = 0;
  private since: number | undefined;

  constructor(private readonly monotonicMs: () => number = () => performance.now()) {}

  get running(): boolean {
    return this.since !== undefined;
  }

  /** The device is connected from now on; a second start while running changes nothing. */
  start(): void {
    this.since ??= this.monotonicMs();
  }

  /** The device is no longer connected; the time since `start` is added. */
  stop(): void {
    if (this.since === undefined) return;
    this.totalMs += Math.max(0, this.monotonicMs() - this.since);
    this.since = undefined;
  }

  private elapsedMs(): number {
    return this.totalMs + (this.since === undefined ? 0 : Math.max(0, this.monotonicMs() - this.since));
  }

  statistics(): Record<string, number> {
    const seconds = Math.floor(this.elapsedMs() / MS_PER_SECOND);
    return { [HOURS_POWERED]: Math.floor(seconds / SECONDS_PER_HOUR), [POWERED_REMAINDER]: seconds % SECONDS_PER_HOUR };
  }

  /** Adds saved powered time; returns the other saved statistics, which are not this class's business. */
  restore(saved: Record<string, number>): Record<string, number> {
    const { [HOURS_POWERED]: hours = 0, [POWERED_REMAINDER]: remainder = 0, ...rest } = saved;
    this.totalMs += (Math.max(0, hours) * SECONDS_PER_HOUR + Math.max(0, remainder)) * MS_PER_SECOND;
    return rest;
  }
}
