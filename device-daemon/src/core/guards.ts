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

/**
 * Staff check for counter actions: `Authorization: Bearer <token of that counter>`. A counter with no token
 * configured is locked (403), never open; a wrong or missing token is 401. The header is redacted from logs.
 */
export function counterGuard(config: { tokens: readonly { counter: number; sha256: string }[] }) {
  const hashes = new Map(config.tokens.map((t) => [t.counter, Buffer.from(t.sha256, 'hex')]));
  return async (request: FastifyRequest<{ Params: { counter: string } }>): Promise<void> => {
    const counter = Number(request.params.counter);
    const expected = hashes.get(counter);
    if (!expected) {
      throw new DomainError('COUNTER_LOCKED', `${counter}号窗口尚未设置工作人员口令，暂不能使用，请联系系统管理员设置`, 403);
    }
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const given = Buffer.from(tokenHash(token), 'hex');
    if (!token || !timingSafeEqual(given, expected)) {
      throw new DomainError('STAFF_TOKEN_INVALID', '窗口口令不正确', 401);
    }
  };
}
