import { useEffect } from 'react';
import { ApiError } from '@/shared/api/client';
import { onSessionEnd, useKiosk } from '@/shared/store';
import { logout } from './api';

/**
 * Whether this page holds a maintenance session (the token itself is an HttpOnly cookie). When the kiosk goes
 * home (the page countdown ran out after inactivity, or «首页»), the session is ended on the daemon too.
 */
let active = false;

export const maintenanceSession = {
  get active(): boolean {
    return active;
  },
  started(): void {
    active = true;
  },
  /** Ends the session here and on the daemon; never throws. */
  end(): void {
    if (!active) return;
    active = false;
    void logout().catch(() => undefined);
  },
};

onSessionEnd(() => maintenanceSession.end());

/** A maintenance call answered 401: the daemon ended the session (inactivity); back to the PIN. */
export function handleSessionError(err: unknown): boolean {
  if (err instanceof ApiError && err.status === 401) {
    active = false;
    useKiosk.getState().replace('maintenance.login', { expired: true });
    return true;
  }
  return false;
}

/** The hidden gesture's target: the PIN screen. */
export function enterMaintenance(): void {
  const { stack, navigate } = useKiosk.getState();
  if (stack[stack.length - 1]?.name.startsWith('maintenance.')) return;
  navigate('maintenance.login');
}

/** A panel's query failed: a 401 goes back to the PIN; any other problem is for the panel to show. */
export function useSessionQueryError(error: ApiError | undefined): string | undefined {
  const expired = error?.status === 401;
  useEffect(() => {
    if (expired) handleSessionError(error);
  }, [expired, error]);
  return expired ? undefined : error?.message;
}
