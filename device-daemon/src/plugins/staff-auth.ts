import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors';
import { tokenHash } from '../core/guards';

/** Who is acting on a hall-wide staff route: a window (signed-in person or the window PC's token) or a manager. */
export interface StaffActor {
  /** 工号, or null for a window PC's own token (no person signed in). */
  staffId: string | null;
  /** The window acted from; null for a manager. */
  counter: number | null;
  via: 'window' | 'window-token' | 'manager';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook of routes any signed-in staff may use (help requests, scanned PDFs): 401 otherwise. */
    staffGuard: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    staffActor?: StaffActor;
  }
}

/**
 * One guard for routes that belong to no single window: the bearer token of a staff member signed in at any
 * window, a window PC's own token (`counters.tokens`), or a manager's session. Run at onRequest, so a caller
 * without one learns nothing, not even whether an id exists.
 */
export default fp(
  async function staffAuthPlugin(app: FastifyInstance) {
    const windowTokens = app.config.counters.tokens.map((t) => ({ counter: t.counter, hash: Buffer.from(t.sha256, 'hex') }));
    app.decorateRequest('staffActor', undefined);
    app.decorate('staffGuard', async (request: FastifyRequest) => {
      const header = request.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (token) {
        const held = await app.duty.holder(token);
        if (held) {
          request.staffActor = { staffId: held.staffId, counter: held.counter, via: 'window' };
          return;
        }
        const hash = Buffer.from(tokenHash(token), 'hex');
        const win = windowTokens.find((t) => t.hash.length === hash.length && timingSafeEqual(t.hash, hash));
        if (win) {
          request.staffActor = { staffId: null, counter: win.counter, via: 'window-token' };
          return;
        }
        try {
          const manager = app.manage.sessions.touch(token);
          request.staffActor = { staffId: manager.id, counter: null, via: 'manager' };
          return;
        } catch {
          // not a manager's token either: the one 401 below
        }
      }
      throw new DomainError('STAFF_SIGN_IN_REQUIRED', '请先以工作人员身份登录（窗口或大厅管理）', 401);
    });
  },
  { name: 'staff-auth', dependencies: ['config', 'staff', 'manage'] },
);
