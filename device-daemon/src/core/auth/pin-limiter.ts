import type { Clock } from '../clock';
import { DomainError } from '../errors';

export interface PinLimiterOptions {
  clock: Clock;
  /** Wrong PINs a key may spend before it is locked. */
  maxFailures: number;
  /** The first lock; each further lock of the same key doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  /** PIN verifications (scrypt) running at once; more answer 429 at once instead of queueing work. */
  concurrency: number;
}

/** Keys remembered at once; past it, keys that were never locked are dropped. */
const MAX_KEYS = 10_000;

/** A key counts against the limiter's `maxFailures`, or its own (e.g. a whole account, higher). */
export type PinKey = string | { key: string; maxFailures: number };

interface KeyState {
  max: number;
  /** Failures counted so far, including attempts still being verified (reserved before the slow check). */
  failures: number;
  lockedUntil: number;
  /** How many times this key has been locked: the next lock lasts lockMs * 2^locks. */
  locks: number;
}

/**
 * Lockout for PINs, shared by the technician login and staff sign-in. Each attempt names the keys it counts
 * against (e.g. `client:<address>` and `account:technician`). The lock check and the failure count are one
 * synchronous step BEFORE the slow verification: an attempt reserves a failure on every key, so a burst of
 * guesses sent at once can spend at most `maxFailures` verifications per key, never hundreds. A right PIN gives
 * its reservation back and clears the keys. Verification concurrency is bounded: the excess answers 429
 * `PIN_BUSY` without running scrypt. State is in memory: a restart needs the machine, a stronger credential.
 */
export class PinLimiter {
  private readonly keys = new Map<string, KeyState>();
  private running = 0;

  constructor(private readonly opts: PinLimiterOptions) {}

  /** Runs `verify` if no key is locked and a slot is free; throws PIN_LOCKED / PIN_BUSY / PIN_WRONG. */
  async attempt(keys: readonly PinKey[], verify: () => Promise<boolean>): Promise<void> {
    const now = this.opts.clock.now().getTime();
    const states = keys.map((k) => (typeof k === 'string' ? this.state(k, this.opts.maxFailures, now) : this.state(k.key, k.maxFailures, now)));
    const locked = Math.max(0, ...states.map((s) => s.lockedUntil - now));
    if (locked > 0) throw pinLocked(locked);
    if (states.some((s) => s.failures >= s.max)) throw pinLocked(this.lockFor(states));
    if (this.running >= this.opts.concurrency) {
      throw new DomainError('PIN_BUSY', '正在核对其他 PIN，请稍后再试', 429, { retryAfterSeconds: 1 });
    }
    for (const s of states) s.failures += 1;
    this.running += 1;
    let ok: boolean;
    try {
      ok = await verify();
    } catch (err) {
      for (const s of states) s.failures -= 1; // not a wrong PIN: give the reservation back
      throw err;
    } finally {
      this.running -= 1;
    }
    const after = this.opts.clock.now().getTime();
    if (ok) {
      // Reset in place: attempts of the same keys still being verified keep counting into the same state.
      for (const s of states) Object.assign(s, { failures: 0, lockedUntil: 0, locks: 0 });
      return;
    }
    const full = states.filter((s) => s.failures >= s.max && s.lockedUntil <= after);
    for (const s of full) {
      s.lockedUntil = after + this.lockFor([s]);
      s.locks += 1;
    }
    if (full.length > 0) throw pinLocked(Math.max(...full.map((s) => s.lockedUntil - after)));
    const left = Math.min(...states.map((s) => s.max - s.failures));
    throw new DomainError('PIN_WRONG', `PIN 不正确，还可尝试 ${left} 次`, 401, { attemptsLeft: left });
  }

  /** Forgets every key's failures and locks (the recovery code at the machine). */
  clear(keys: readonly string[]): void {
    for (const k of keys) this.keys.delete(k);
  }

  private lockFor(states: KeyState[]): number {
    const locks = Math.max(...states.map((s) => s.locks));
    return Math.min(this.opts.lockMs * 2 ** locks, this.opts.maxLockMs);
  }

  /** Bounds memory under a flood of client addresses: unlocked keys are forgotten first. */
  private prune(now: number): void {
    for (const [k, s] of this.keys) if (s.lockedUntil <= now && s.locks === 0) this.keys.delete(k);
  }

  /** A key's state; an expired lock starts a fresh round of attempts but keeps its lock count (backoff). */
  private state(key: string, max: number, now: number): KeyState {
    let s = this.keys.get(key);
    if (!s) {
      if (this.keys.size >= MAX_KEYS) this.prune(now);
      s = { max, failures: 0, lockedUntil: 0, locks: 0 };
      this.keys.set(key, s);
    } else if (s.lockedUntil !== 0 && s.lockedUntil <= now) {
      s.failures = 0;
      s.lockedUntil = 0;
    }
    return s;
  }
}

export function pinLocked(ms: number): DomainError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new DomainError('PIN_LOCKED', `PIN 错误次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, 429, {
    retryAfterSeconds: seconds,
  });
}

/** Loopback clients are the kiosk's own browser and tools on the machine; they are counted apart from the hall network. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
