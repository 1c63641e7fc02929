import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors';
import type { CounterActor } from '../staff/duty-types';
import type { CountersConfig } from './counter-config';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** How a bearer token is checked against a window's sign-in sessions (staff/duty.ts). */
export interface SessionCheck {
  authenticate(counter: number, token: string): Promise<CounterActor | undefined>;
}

/**
 * Staff check for counter actions: `Authorization: Bearer <token>`, either the token of a staff member signed in
 * at that window (工号 + PIN, `POST /api/counters/:n/session`) or, where configured, the window's own token (a
 * window PC that runs without sign-in). The actor is left on `request.counterActor`. A window with neither staff
 * nor a token configured is locked (403); a wrong or missing token is 401. The header is redacted from logs.
 */
export function counterGuard(config: CountersConfig, sessions: SessionCheck, staffConfigured: boolean) {
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
      throw new DomainError('COUNTER_LOCKED', `${counter}号窗口未配置工作人员，无法操作`, 403);
    }
    if (!expected || !token || !timingSafeEqual(Buffer.from(tokenHash(token), 'hex'), expected)) {
      throw new DomainError('STAFF_TOKEN_INVALID', staffConfigured ? '请先用工号和密码登录本窗口' : '窗口口令不正确', 401);
    }
    request.counterActor = { kind: 'window' };
  };
}
