import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../core/errors';
import { hostAllowed, originAllowed, type OriginPolicy } from '../core/origin-policy';

/**
 * Every request, HTTP and the /api/events WebSocket alike, passes Host and Origin checks before any route runs
 * (core/origin-policy.ts says why). Refusals carry no header values back: nothing for a probing page to read.
 */
export default fp(
  async function hostGuard(app: FastifyInstance) {
    const { server, hall } = app.config;
    const hosts = [...server.allowedHosts];
    const origins = [...server.allowedOrigins];
    if (hall.publicBaseUrl) {
      // Phones come through the hall's proxy: often HTTPS outside, plain HTTP to the daemon, so the public
      // origin is allowed by name rather than by the daemon's own scheme.
      const base = new URL(hall.publicBaseUrl);
      hosts.push(base.host);
      origins.push(base.origin);
    }
    const policy: OriginPolicy = { hosts, origins };
    app.addHook('onRequest', async (request) => {
      if (!hostAllowed(request.headers.host, policy)) {
        throw new DomainError('HOST_FORBIDDEN', '此地址不是本终端的地址', 403);
      }
      if (!originAllowed(request.headers.origin, request.headers.host, request.protocol, policy)) {
        throw new DomainError('ORIGIN_FORBIDDEN', '此来源的网页不能使用本终端的接口', 403);
      }
    });
  },
  { name: 'host-guard', dependencies: ['config'] },
);
