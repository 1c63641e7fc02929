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
    // The same few Host headers come all day (the kiosk's own address, the hall's name): each is judged once.
    const hostJudged = new Judged();
    // A callback hook, not an async one: no promise for every request.
    app.addHook('onRequest', (request, _reply, done) => {
      const { host, origin } = request.headers;
      if (host !== undefined && !hostJudged.get(host, () => hostAllowed(host, policy))) {
        return done(new DomainError('HOST_FORBIDDEN', '此地址不是本终端的地址', 403));
      }
      if (origin !== undefined && !originAllowed(origin, host, request.protocol, policy)) {
        return done(new DomainError('ORIGIN_FORBIDDEN', '此来源的网页不能使用本终端的接口', 403));
      }
      done();
    });
  },
  { name: 'host-guard', dependencies: ['config'] },
);

/** Decisions by header value, forgotten past a few hundred (a scan sending every name it can think of). */
class Judged {
  private readonly seen = new Map<string, boolean>();
  get(value: string, judge: () => boolean): boolean {
    let allowed = this.seen.get(value);
    if (allowed === undefined) {
      allowed = judge();
      if (this.seen.size >= 256) this.seen.clear();
      this.seen.set(value, allowed);
    }
    return allowed;
  }
}
