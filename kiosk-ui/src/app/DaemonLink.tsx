import { useEffect } from 'react';
import { useKiosk } from '@/shared/store';
import type { KioskInfo } from '@/shared/store';
import { events } from '@/shared/api/events';
import { get, onReachability } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import { takeEarlyInfo } from './early-tap';

// The first time, the answer index.html's inline script asked for while the page loaded (else, or if it failed, asked now).
const fetchInfo = (signal: AbortSignal) => takeEarlyInfo<KioskInfo>()?.catch(() => get<KioskInfo>('/api/kiosk', signal)) ?? get<KioskInfo>('/api/kiosk', signal);

/**
 * The shell's link to the daemon: loads the kiosk's facts (again after every reconnection), opens the event
 * stream, follows device states and the daemon's reachability. Its own chunk, mounted once home is hydrated
 * (app/Shell.tsx): the HTTP client and the data hook are not in the script home waits for (issue 11 #14).
 * Screens subscribe to events meanwhile (home's QR reader); the stream delivers them once it is open.
 */
export function DaemonLink(): null {
  const setInfo = useKiosk((s) => s.setInfo);
  const setReachable = useKiosk((s) => s.setDaemonReachable);
  const setDeviceState = useKiosk((s) => s.setDeviceState);
  const info = useQuery('kiosk', fetchInfo, { retryMs: [2000] }).data;
  useEffect(() => {
    if (info) setInfo(info);
  }, [info, setInfo]);
  useEffect(() => {
    events.start();
    const offReach = onReachability(setReachable);
    const offConn = events.onConnection(setReachable);
    const offEvents = events.subscribe((e) => {
      if (e.type === 'device.status') setDeviceState(e.device, e.status.state);
    });
    return () => {
      offReach();
      offConn();
      offEvents();
    };
  }, [setReachable, setDeviceState]);
  return null;
}
