/**
 * Delay before retry number `attempt` (1 = first retry): exponential, capped, with "equal jitter" (half
 * fixed, half random), so many kiosks coming back after an outage do not retry in lockstep yet never retry
 * sooner than half the nominal delay.
 */
export function retryDelayMs(attempt: number, initialMs: number, maxMs: number, random: () => number = Math.random): number {
  const nominal = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
