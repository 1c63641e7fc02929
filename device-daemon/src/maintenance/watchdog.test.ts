import { describe, expect, it } from 'vitest';
import { UiWatchdog } from './watchdog';
import { createSdNotifier } from './sd-notify';

describe('UI watchdog', () => {
  it('is silent after the threshold without heartbeats, counting from start, and recovers on a heartbeat', () => {
    let t = Date.parse('2025-03-01T09:00:00Z');
    const w = new UiWatchdog({ now: () => new Date(t) }, 30);
    expect(w.status()).toEqual({ lastHeartbeat: null, silent: false, silentAfterSeconds: 30 });
    t += 31_000;
    expect(w.status().silent).toBe(true);
    w.heartbeat();
    expect(w.status()).toMatchObject({ lastHeartbeat: '2025-03-01T09:00:31.000Z', silent: false });
    t += 30_000;
    expect(w.status().silent).toBe(false);
    t += 1_000;
    expect(w.status().silent).toBe(true);
  });
});

describe('sd_notify', () => {
  it('does nothing outside systemd', () => {
    const calls: string[][] = [];
    const n = createSdNotifier({}, (a) => calls.push(a));
    n.ready();
    n.startWatchdog(async () => true);
    n.stop();
    expect(calls).toEqual([]);
  });

  it('announces readiness and stopping under systemd', () => {
    const calls: string[][] = [];
    const n = createSdNotifier({ NOTIFY_SOCKET: '/run/systemd/notify' }, (a) => calls.push(a));
    n.ready();
    n.stop();
    expect(calls).toEqual([['READY=1', 'STATUS=listening'], ['STOPPING=1']]);
  });

  it('pings the watchdog at half the interval, only while the daemon is alive', async () => {
    const calls: string[][] = [];
    let alive = true;
    const n = createSdNotifier({ NOTIFY_SOCKET: '/x', WATCHDOG_USEC: '2000000' }, (a) => calls.push(a));
    n.startWatchdog(async () => alive);
    await new Promise((r) => setTimeout(r, 1100));
    expect(calls).toEqual([['WATCHDOG=1']]);
    alive = false;
    await new Promise((r) => setTimeout(r, 1000));
    n.stop();
    expect(calls).toEqual([['WATCHDOG=1'], ['STOPPING=1']]);
  });
});
