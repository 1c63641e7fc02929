import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import type { StaffBadge } from '../staff/types';

/** A manager's console left untouched this long signs out (the page is on a shared office PC). */
export const MANAGER_IDLE_MS = 30 * 60_000;
/** More than this many live sessions means something loops on sign-in: the least recently used goes. */
const MAX_SESSIONS = 32;

interface ManagerSession {
  token: string;
  staff: StaffBadge;
  lastSeen: number;
}

/**
 * Manager sessions (`/api/manage/*`): a bearer token per sign-in, in memory, ended by inactivity. A bearer header
 * (never a cookie) is what a page must send on purpose, so another site cannot act with a manager's session.
 */
export class ManagerSessions {
  private readonly sessions = new Map<string, ManagerSession>();

  constructor(private readonly clock: Clock, private readonly idleMs = MANAGER_IDLE_MS) {}

  open(staff: StaffBadge): { token: string; expiresInSeconds: number } {
    const now = this.clock.now().getTime();
    for (const s of this.sessions.values()) if (now - s.lastSeen > this.idleMs) this.sessions.delete(s.token);
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0]!;
      this.sessions.delete(oldest.token);
    }
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { token, staff, lastSeen: now });
    return { token, expiresInSeconds: Math.round(this.idleMs / 1000) };
  }

  /** The staff member behind a token, extending the session; 401 when missing, unknown or idle too long. */
  touch(token: string | undefined): StaffBadge {
    const now = this.clock.now().getTime();
    const s = token ? this.sessions.get(token) : undefined;
    if (!s) throw new DomainError('MANAGER_SESSION_REQUIRED', '请先以管理人员工号登录', 401);
    if (now - s.lastSeen > this.idleMs) {
      this.sessions.delete(s.token);
      throw new DomainError('MANAGER_SESSION_EXPIRED', '长时间无操作，已退出登录，请重新登录', 401);
    }
    s.lastSeen = now;
    return s.staff;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }
}
