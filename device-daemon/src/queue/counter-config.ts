import { arr, int, obj, opt, str, type Infer } from '../config/schema-dsl';

/**
 * Staff authentication of the counter (窗口) routes: one token per counter. The file keeps only the SHA-256 of
 * each token (tokens are random, 128 bits or more, so a plain hash is enough); make one with
 * `npx tsx device-daemon/src/queue/counter-token.ts <counter>`. A counter without a token cannot be operated.
 */
export const countersConfig = obj({
  tokens: opt(
    arr(
      obj({
        counter: int({ min: 1, max: 999 }),
        sha256: str({ pattern: /^[0-9a-f]{64}$/, hint: 'the SHA-256 of the token as 64 lowercase hex digits' }),
      }),
    ),
    [],
  ),
  /** A window's sign-in (工号 + PIN) ends after this many minutes without an action at that window. */
  sessionIdleMinutes: opt(int({ min: 1, max: 720 }), 30),
});
export type CountersConfig = Infer<typeof countersConfig>;
