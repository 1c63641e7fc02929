import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors';
import { bearerToken, cookieToken } from './sessions';

/** The maintenance session token of a request: `Authorization: Bearer` or the HttpOnly session cookie. */
export function tokenOf(request: FastifyRequest): string | undefined {
  return bearerToken(request.headers.authorization) ?? cookieToken(request.headers.cookie);
}

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
 * The one guard of every technician route, wherever it lives (maintenance, 好差评 export...): same origin and a
 * live maintenance session (401 otherwise). Routes marked `config: { maintenancePublic: true }` skip the session.
 */
export function technicianGuard(app: FastifyInstance) {
  return async (request: FastifyRequest): Promise<void> => {
    assertSameOrigin(request);
    if ((request.routeOptions.config as { maintenancePublic?: boolean }).maintenancePublic) return;
    app.maintenance.sessions.touch(tokenOf(request));
  };
}
