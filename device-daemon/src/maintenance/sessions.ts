import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import { isLoopback, PinLimiter } from '../core/auth/pin-limiter';
import { verifyPin } from '../core/auth/pin';
import { consumeRecoveryCode } from './recovery-code';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60_000;
/** Progressive backoff: each further lock of the same client doubles, up to this. */
export const MAX_LOCKOUT_MS = 60 * 60_000;
/** Wrong PINs from the whole hall network (all remote clients together) before remote logins lock. */
export const ACCOUNT_MAX_FAILURES = 20;
/** More sessions than this means something is looping on login; the oldest is dropped. */
const MAX_SESSIONS = 8;

export interface Session {
  token: string;
  createdAt: number;
  lastSeen: number;
}

/** Who is logging in: the client's socket address (no proxy is trusted, so it cannot be forged by a header). */
export interface LoginClient {
  address: string | undefined;
}

/**
 * Technician login: PIN check with lockout, and bearer-token sessions that end after inactivity.
 *
 * Failures count per client address (five, then a lock of five minutes, doubling per further lock), and all
 * remote clients together count against the technician account (twenty). Loopback (the kiosk's own screen)
 * is a limiter of its own: a guesser on the hall network can neither lock it nor fill its verification slot.
 * A citizen at the screen can lock loopback; the technician then types the one-time recovery code from
 * `npm run doctor -- --maintenance-code` (loopback only, see recovery-code.ts), which clears the lock.
 * Business time comes from the injectable clock, so tests pass five minutes without waiting.
 */
export class MaintenanceSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly local: PinLimiter;
  private readonly remote: PinLimiter;

  constructor(
    private readonly pinHash: string,
    private readonly clock: Clock,
    private readonly idleMs: number,
    /** Where `npm run doctor -- --maintenance-code` leaves a recovery code; none when absent. */
    private readonly recoveryDir?: string,
  ) {
    const base = { clock, maxFailures: MAX_FAILED_ATTEMPTS, lockMs: LOCKOUT_MS, maxLockMs: MAX_LOCKOUT_MS };
    this.local = new PinLimiter({ ...base, concurrency: 1 });
    this.remote = new PinLimiter({ ...base, concurrency: 2 });
  }

  async login(pin: string, client: LoginClient = { address: '127.0.0.1' }): Promise<{ token: string; expiresInSeconds: number }> {
    const now = this.clock.now().getTime();
    const verify = () => verifyPin(pin, this.pinHash);
    if (isLoopback(client.address)) {
      if (this.recoveryDir && consumeRecoveryCode(this.recoveryDir, pin, now)) this.local.clear(['client:loopback']);
      else await this.local.attempt(['client:loopback'], verify);
    } else {
      const address = `client:${client.address ?? 'unknown'}`;
      await this.remote.attempt([address, { key: 'account:technician', maxFailures: ACCOUNT_MAX_FAILURES }], verify);
    }
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
