import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './errors';

/**
 * The two guards of the daemon's protected routes, used by more than one feature: the technician's (maintenance,
 * 好差评 export...) and the counter staff's. They sit in core so features share them without importing each other.
 */

/**
 * A browser sends Origin on cross-origin requests and on every POST: only the kiosk's own origin may drive
 * technician tools (SameSite does not tell ports apart, and a page on another loopback port is another site).
 */
export function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== request.headers.host) throw new DomainError('ORIGIN_FORBIDDEN', `origin ${origin} may not use maintenance`, 403);
}

/**
 * The one guard of every technician route, wherever it lives: same origin and a live maintenance session
 * (`checkSession` throws 401 otherwise). Routes marked `config: { maintenancePublic: true }` skip the session.
 * The maintenance feature builds it with its sessions and offers it as `app.technicianGuard`.
 */
export function technicianGuard(checkSession: (request: FastifyRequest) => void) {
  return async (request: FastifyRequest): Promise<void> => {
    assertSameOrigin(request);
    if ((request.routeOptions.config as { maintenancePublic?: boolean }).maintenancePublic) return;
    checkSession(request);
  };
}

/** The SHA-256 of a counter's staff token: what `counters.tokens` keeps instead of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** AB岗: a window's A post (主岗) and B post (备岗). */
export type Post = 'A' | 'B';

/** Who did a window action: a signed-in person, or the window's own token (a window PC without sign-in). */
export type CounterActor = { kind: 'staff'; staffId: string; post: Post; sessionId: string } | { kind: 'window' };

/** How a bearer token is checked against a window's sign-in sessions (the staff feature's duty roster). */
export interface SessionCheck {
  authenticate(counter: number, token: string): Promise<CounterActor | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting at the window, set by the counter guard. */
    counterActor?: CounterActor;
  }
}

/**
 * Staff check for counter actions: `Authorization: Bearer <token>`, either the token of a staff member signed in
 * at that window (工号 + PIN, `POST /api/counters/:n/session`) or, where configured, the window's own token (a
 * window PC that runs without sign-in). The actor is left on `request.counterActor`. A window with neither staff
 * nor a token configured is locked (403); a wrong or missing token is 401. The header is redacted from logs.
 * Run it at `onRequest`, before the body is validated, so an unauthenticated caller learns no schema.
 */
export function counterGuard(
  config: { tokens: readonly { counter: number; sha256: string }[] },
  sessions: SessionCheck,
  staffConfigured: boolean,
) {
  const hashes = new Map(config.tokens.map((t) => [t.counter, Buffer.from(t.sha256, 'hex')]));
  return async (request: FastifyRequest): Promise<void> => {
    const counter = Number((request.params as { counter: string }).counter);
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const actor = await sessions.authenticate(counter, token);
    if (actor) {
      request.counterActor = actor;
      return;
    }
    const expected = hashes.get(counter);
    if (!expected && !staffConfigured) {
      throw new DomainError('COUNTER_LOCKED', `${counter}号窗口尚未设置工作人员口令或登录工号，暂不能使用，请联系系统管理员设置`, 403);
    }
    if (!expected || !token || !timingSafeEqual(Buffer.from(tokenHash(token), 'hex'), expected)) {
      throw new DomainError('STAFF_TOKEN_INVALID', staffConfigured ? '请先用工号和密码登录本窗口' : '窗口口令不正确', 401);
    }
    request.counterActor = { kind: 'window' };
  };
}
