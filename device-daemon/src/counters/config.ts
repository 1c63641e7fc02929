import { Type, type Static } from 'typebox';
import { section, strict } from '../config/kit';

/**
 * Staff authentication of the counter (窗口) routes: one token per counter. The file keeps only the SHA-256 of
 * each token (tokens are random, 128 bits or more, so a plain hash is enough); make one with
 * `npx tsx device-daemon/src/counters/token.ts <counter>`. A counter without a token cannot be operated.
 */
export const countersConfig = section({
  tokens: Type.Array(
    strict({
      counter: Type.Integer({ minimum: 1, maximum: 999 }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$', expected: 'the SHA-256 of the token as 64 lowercase hex digits' }),
    }),
    { default: [] },
  ),
});
export type CountersConfig = Static<typeof countersConfig>;
