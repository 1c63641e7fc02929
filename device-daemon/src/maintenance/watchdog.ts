import type { Clock } from '../core/clock';

export interface UiWatchStatus {
  /** When the UI last spoke on /api/events; null when it never has since the daemon started. */
  lastHeartbeat: string | null;
  /** True when no heartbeat came for `silentAfterSeconds` (counting from start when none ever came). */
  silent: boolean;
  silentAfterSeconds: number;
}

/**
 * The UI half of the watchdog: the kiosk page sends a message on /api/events every few seconds (any message
 * counts, events/plugin.ts publishes `ui.heartbeat`). A page that hung, crashed or never loaded goes silent,
 * and /api/health says so, for the launcher or a hall monitor to act on.
 */
export class UiWatchdog {
  private last: Date | null = null;
  private readonly startedAt: Date;

  constructor(
    private readonly clock: Clock,
    readonly silentAfterSeconds: number,
  ) {
    this.startedAt = clock.now();
  }

  heartbeat(): void {
    this.last = this.clock.now();
  }

  status(): UiWatchStatus {
    const since = (this.last ?? this.startedAt).getTime();
    return {
      lastHeartbeat: this.last?.toISOString() ?? null,
      silent: this.clock.now().getTime() - since > this.silentAfterSeconds * 1000,
      silentAfterSeconds: this.silentAfterSeconds,
    };
  }
}
