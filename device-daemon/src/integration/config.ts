import { Type, type Static } from 'typebox';
import { section, strict } from '../config/kit';

/**
 * The windows' business systems (一窗受理系统) allowed to call `/api/integration/v1/`. Each has a random key
 * (make one with `npx tsx device-daemon/src/integration/make-key.ts <id>`); only its SHA-256 is configured.
 */
export const integrationConfig = section({
  systems: Type.Array(
    strict({
      id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', expected: 'an id of letters, digits, - or _' }),
      name: Type.String({ minLength: 1, maxLength: 60 }),
      keyHash: Type.String({ pattern: '^[0-9a-f]{64}$', expected: 'the SHA-256 of the key as 64 lowercase hex digits' }),
    }),
    { default: [] },
  ),
});
export type IntegrationConfig = Static<typeof integrationConfig>;
