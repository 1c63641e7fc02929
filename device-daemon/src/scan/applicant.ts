import type { FastifyInstance } from 'fastify';

/**
 * The masked name (`张*明`) of the person who put their ID card on the reader, for the cover page, taken
 * from the identity service's session (the screen got its id with `card.read`). Null when the person did
 * not identify themselves, or when no identity service runs. An ended session is refused by the identity
 * service (IDENTITY_SESSION_EXPIRED), so a stale id never puts someone else's name on a cover.
 */
export function applicantOf(app: FastifyInstance, identitySessionId: string | undefined): string | null {
  if (!identitySessionId || !app.hasDecorator('identity')) return null;
  return app.identity.resolve(identitySessionId).card.nameMasked || null;
}
