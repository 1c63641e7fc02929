import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import { verifyPin } from './pin';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60_000;
/** More sessions than this means something is looping on login; the oldest is dropped. */
const MAX_SESSIONS = 8;

export interface Session {
  token: string;
  createdAt: number;
  lastSeen: number;
}

/**
 * Technician login: PIN check with lockout, and bearer-token sessions that end after inactivity.
 *
 * The lockout counts failures for the whole kiosk (it is one machine on loopback, not many clients):
 * the fifth wrong PIN in a row locks every attempt, right or wrong, for five minutes. State lives in memory;
 * restarting the daemon needs access to the machine, which is a stronger credential than the PIN.
 * Business time comes from the injectable clock, so tests pass five minutes without waiting.
 */
export class MaintenanceSessions {
  private readonly sessions = new Map<string, Session>();
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly pinHash: string,
    private readonly clock: Clock,
    private readonly idleMs: number,
  ) {}

  async login(pin: string): Promise<{ token: string; expiresInSeconds: number }> {
    const now = this.clock.now().getTime();
    if (now < this.lockedUntil) throw lockedError(this.lockedUntil - now);
    if (this.lockedUntil !== 0) {
      this.lockedUntil = 0;
      this.failures = 0;
    }
    if (!(await verifyPin(pin, this.pinHash))) {
      this.failures += 1;
      if (this.failures >= MAX_FAILED_ATTEMPTS) {
        this.lockedUntil = now + LOCKOUT_MS;
        throw lockedError(LOCKOUT_MS);
      }
      throw new DomainError('PIN_WRONG', `PIN 不正确，还可尝试 ${MAX_FAILED_ATTEMPTS - this.failures} 次`, 401, {
        attemptsLeft: MAX_FAILED_ATTEMPTS - this.failures,
      });
    }
    this.failures = 0;
    this.prune(now);
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastSeen - b.lastSeen)[0]!;
      this.sessions.delete(oldest.token);
    }
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { token, createdAt: now, lastSeen: now });
    return { token, expiresInSeconds: Math.round(this.idleMs / 1000) };
  }

  /** Validates a token and extends its life; throws 401 when missing, unknown or idle too long. */
  touch(token: string | undefined): Session {
    const now = this.clock.now().getTime();
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) throw new DomainError('MAINTENANCE_SESSION_REQUIRED', '需要维护登录', 401);
    if (now - session.lastSeen > this.idleMs) {
      this.sessions.delete(session.token);
      throw new DomainError('MAINTENANCE_SESSION_EXPIRED', '维护会话因长时间无操作已结束，请重新登录', 401);
    }
    session.lastSeen = now;
    return session;
  }

  logout(token: string): void {
    this.sessions.delete(token);
  }

  private prune(now: number): void {
    for (const [token, s] of this.sessions) if (now - s.lastSeen > this.idleMs) this.sessions.delete(token);
  }
}

function lockedError(ms: number): DomainError {
  const seconds = Math.ceil(ms / 1000);
  return new DomainError('PIN_LOCKED', `PIN 错误次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, 429, {
    retryAfterSeconds: seconds,
  });
}

/** The cookie the kiosk UI's session rides on (HttpOnly: page scripts never see the token). */
export const SESSION_COOKIE = 'kiosk_maintenance';

/** `Authorization: Bearer <token>` -> token. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  return m?.[1];
}

export function cookieToken(header: string | undefined): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]{20,100})(?:;|$)`).exec(header ?? '');
  return m?.[1];
}

/**
 * Scoped to /api (maintenance and the other technician routes, e.g. the 好差评 export), HttpOnly and SameSite=Strict; no Max-Age, the daemon ends the session itself after inactivity.
 * An empty token clears the cookie.
 */
export function sessionCookie(token: string): string {
  const base = `${SESSION_COOKIE}=${token}; Path=/api; HttpOnly; SameSite=Strict`;
  return token ? base : `${base}; Max-Age=0`;
}

/** The maintenance session token of a request: `Authorization: Bearer` or the HttpOnly session cookie. */
export function tokenOf(request: { headers: { authorization?: string; cookie?: string } }): string | undefined {
  return bearerToken(request.headers.authorization) ?? cookieToken(request.headers.cookie);
}
