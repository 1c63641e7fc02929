import { execFile } from 'node:child_process';

/**
 * systemd readiness and watchdog notifications without a native module. Node's dgram cannot send on a unix
 * datagram socket, so the `systemd-notify` tool sends for us; the unit therefore says `NotifyAccess=all`.
 * systemd-notify waits (by default) until the manager has processed the message, which avoids the race of a
 * short-lived sender whose PID can no longer be mapped to the unit.
 *
 * Everything here is a no-op unless systemd started the daemon with NOTIFY_SOCKET set. The unit starts node
 * directly (not through a wrapper process), so the daemon is the unit's main process.
 */
export interface SdNotifier {
  ready(): void;
  /** Starts WATCHDOG=1 pings at half of WATCHDOG_USEC, each only if `alive()` says the daemon works. */
  startWatchdog(alive: () => Promise<boolean>): void;
  stop(): void;
}

type Run = (args: string[]) => void;

/** What systemd puts in the environment of a unit with `Type=notify` and `WatchdogSec=`; server.ts reads it. */
export interface SystemdEnvironment {
  NOTIFY_SOCKET?: string;
  WATCHDOG_USEC?: string;
}

const defaultRun: Run = (args) => {
  execFile('systemd-notify', args, { timeout: 5000 }, () => undefined);
};

export function createSdNotifier(env: SystemdEnvironment, run: Run = defaultRun): SdNotifier {
  const enabled = Boolean(env.NOTIFY_SOCKET);
  const watchdogUsec = Number(env.WATCHDOG_USEC ?? 0);
  let timer: NodeJS.Timeout | undefined;
  return {
    ready() {
      if (enabled) run(['READY=1', 'STATUS=listening']);
    },
    startWatchdog(alive) {
      if (!enabled || !(watchdogUsec > 0)) return;
      const every = Math.max(1000, Math.floor(watchdogUsec / 1000 / 2));
      timer = setInterval(() => {
        void alive().then(
          (ok) => ok && run(['WATCHDOG=1']),
          () => undefined,
        );
      }, every);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      if (enabled) run(['STOPPING=1']);
    },
  };
}
