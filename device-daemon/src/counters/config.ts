import { Type, type Static } from 'typebox';
import { section, strict } from '../config/kit';

/**
 * Staff authentication of the counter (窗口) routes: one token per counter. The file keeps only the SHA-256 of
 * each token (tokens are random, 128 bits or more, so a plain hash is enough); make one with
 * `npx tsx device-daemon/src/counters/token.ts <counter>`. Where staff are configured, a window is operated by
 * whoever signs in there (工号 + PIN); a window with neither staff nor a token cannot be operated.
 */
export const countersConfig = section({
  tokens: Type.Array(
    strict({
      counter: Type.Integer({ minimum: 1, maximum: 999 }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$', expected: 'the SHA-256 of the token as 64 lowercase hex digits' }),
    }),
    { default: [] },
  ),
  /** A window's sign-in (工号 + PIN) ends after this many minutes without an action at that window. */
  sessionIdleMinutes: Type.Integer({ minimum: 1, maximum: 720, default: 30 }),
});
export type CountersConfig = Static<typeof countersConfig>;
