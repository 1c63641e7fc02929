import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors';
import type { IntegrationConfig } from './config';

export const keyHash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * `Authorization: Bearer <key>` of a configured business system; runs onRequest, before the body is parsed or
 * validated, so nobody without a key learns anything about the API's shape. The system's id is left on the request.
 */
export function integrationAuth(config: IntegrationConfig) {
  const systems = config.systems.map((s) => ({ id: s.id, hash: Buffer.from(s.keyHash, 'hex') }));
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const given = Buffer.from(keyHash(key), 'hex');
    // Every configured hash is compared, so the time taken says nothing about which one nearly matched.
    let found: string | undefined;
    for (const s of systems) if (timingSafeEqual(given, s.hash) && key) found = s.id;
    if (!found) throw new DomainError('INTEGRATION_KEY_INVALID', 'integration key missing or not recognised', 401);
    request.integrationSystem = found;
  };
}
