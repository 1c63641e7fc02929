import type { Clock } from '../core/clock';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60_000;

/**
 * Failed sign-ins counted per 工号: the fifth wrong PIN in a row locks that 工号 for five minutes, so guessing
 * one person's PIN is slow without locking the whole hall out. In memory; a restart needs the machine itself.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly clock: Clock) {}

  /** Milliseconds left of a lockout, 0 when the key may try. */
  lockedFor(key: string): number {
    const entry = this.failures.get(key);
    if (!entry || entry.lockedUntil === 0) return 0;
    const left = entry.lockedUntil - this.clock.now().getTime();
    if (left > 0) return left;
    this.failures.delete(key);
    return 0;
  }

  /** Records a failure; returns the attempts left before a lockout (0 = now locked). */
  fail(key: string): number {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= MAX_FAILURES) entry.lockedUntil = this.clock.now().getTime() + LOCKOUT_MS;
    this.failures.set(key, entry);
    return Math.max(0, MAX_FAILURES - entry.count);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
