import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors';
import type { CountersConfig } from './counter-config';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Staff check for counter actions: `Authorization: Bearer <token of that counter>`. A counter with no token
 * configured is locked (403), never open; a wrong or missing token is 401. The header is redacted from logs.
 */
export function counterGuard(config: CountersConfig) {
  const hashes = new Map(config.tokens.map((t) => [t.counter, Buffer.from(t.sha256, 'hex')]));
  return async (request: FastifyRequest<{ Params: { counter: string } }>): Promise<void> => {
    const counter = Number(request.params.counter);
    const expected = hashes.get(counter);
    if (!expected) {
      throw new DomainError('COUNTER_LOCKED', `${counter}号窗口未配置工作人员口令（counters.tokens）`, 403);
    }
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const given = Buffer.from(tokenHash(token), 'hex');
    if (!token || !timingSafeEqual(given, expected)) {
      throw new DomainError('STAFF_TOKEN_INVALID', '窗口口令不正确', 401);
    }
  };
}
