import { describe, expect, it } from 'vitest';
import { PinLimiter, isLoopback } from './pin-limiter';

class FakeClock {
  t = Date.parse('2025-03-01T09:00:00Z');
  now = () => new Date(this.t);
}

const MIN = 60_000;
function limiter(clock = new FakeClock(), concurrency = 100) {
  return new PinLimiter({ clock, maxFailures: 5, lockMs: 5 * MIN, maxLockMs: 60 * MIN, concurrency });
}

/** A verification that takes real time (as scrypt does) and counts how often it ran. */
function slowVerify(right: boolean, counter: { runs: number }) {
  return async () => {
    counter.runs += 1;
    await new Promise((r) => setTimeout(r, 20));
    return right;
  };
}

const settle = (ps: Promise<void>[]) => Promise.allSettled(ps);
const codes = (rs: PromiseSettledResult<void>[]) =>
  rs.map((r) => (r.status === 'fulfilled' ? 'OK' : (r.reason as { code: string }).code));

describe('PIN limiter', () => {
  it('verifies at most five of 200 guesses sent at once, and then refuses the right PIN too (issue 12 #1)', async () => {
    const l = limiter();
    const counter = { runs: 0 };
    const results = codes(await settle(Array.from({ length: 200 }, () => l.attempt(['client:a'], slowVerify(false, counter)))));
    expect(counter.runs).toBe(5);
    expect(results.filter((c) => c === 'PIN_LOCKED')).toHaveLength(196);
    const right = { runs: 0 };
    await expect(l.attempt(['client:a'], slowVerify(true, right))).rejects.toMatchObject({ code: 'PIN_LOCKED', status: 429 });
    expect(right.runs).toBe(0);
  });

  it('bounds verifications running at once: the excess answers 429 PIN_BUSY without verifying', async () => {
    const l = limiter(new FakeClock(), 2);
    const counter = { runs: 0 };
    const results = codes(await settle(['a', 'b', 'c', 'd'].map((c) => l.attempt([`client:${c}`], slowVerify(false, counter)))));
    expect(counter.runs).toBe(2);
    expect(results.filter((c) => c === 'PIN_BUSY')).toHaveLength(2);
  });

  it('counts each client apart: one client locked does not lock another (issue 12 #2)', async () => {
    const l = limiter();
    for (let i = 0; i < 5; i += 1) await l.attempt(['client:guesser'], async () => false).catch(() => undefined);
    await expect(l.attempt(['client:guesser'], async () => true)).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    await expect(l.attempt(['client:technician'], async () => true)).resolves.toBeUndefined();
  });

  it('locks a whole account after its own (higher) count across clients', async () => {
    const l = limiter();
    const account = { key: 'account:t', maxFailures: 8 };
    for (let i = 0; i < 8; i += 1) await l.attempt([`client:${i}`, account], async () => false).catch(() => undefined);
    await expect(l.attempt(['client:new', account], async () => true)).rejects.toMatchObject({ code: 'PIN_LOCKED' });
  });

  it('backs off progressively: each further lock of the same key lasts twice as long, up to the cap', async () => {
    const clock = new FakeClock();
    const l = limiter(clock);
    const lockOnce = async () => {
      let last: unknown;
      for (let i = 0; i < 5; i += 1) last = await l.attempt(['client:a'], async () => false).catch((e: unknown) => e);
      return (last as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    };
    const waits: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const seconds = await lockOnce();
      waits.push(seconds);
      clock.t += seconds * 1000;
    }
    expect(waits).toEqual([300, 600, 1200, 2400, 3600, 3600]);
    // A right PIN forgets the history.
    await l.attempt(['client:a'], async () => true);
    expect(await lockOnce()).toBe(300);
  });

  it('gives the reservation back when verification itself fails', async () => {
    const l = limiter();
    for (let i = 0; i < 10; i += 1) await l.attempt(['client:a'], async () => Promise.reject(new Error('x'))).catch(() => undefined);
    await expect(l.attempt(['client:a'], async () => false)).rejects.toMatchObject({ code: 'PIN_WRONG', details: { attemptsLeft: 4 } });
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['10.0.0.5', '::ffff:10.0.0.5', undefined, '1127.0.0.1'].map(isLoopback)).toEqual([false, false, false, false]);
  });
});
