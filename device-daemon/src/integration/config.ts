import { arr, obj, opt, str, type Infer } from '../config/schema-dsl';

/**
 * The windows' business systems (一窗受理系统) allowed to call `/api/integration/v1/`. Each has a random key
 * (make one with `npx tsx device-daemon/src/integration/make-key.ts <id>`); only its SHA-256 is configured.
 */
export const integrationConfig = obj({
  systems: opt(
    arr(
      obj({
        id: str({ pattern: /^[A-Za-z0-9_-]{1,32}$/, hint: 'an id of letters, digits, - or _' }),
        name: str({ min: 1, max: 60 }),
        keyHash: str({ pattern: /^[0-9a-f]{64}$/, hint: 'the SHA-256 of the key as 64 lowercase hex digits' }),
      }),
    ),
    [],
  ),
});
export type IntegrationConfig = Infer<typeof integrationConfig>;
