/**
 * Durations kept as histograms of half-minute buckets: a day's waits merge into a month's by adding counts, and a
 * percentile of the merged histogram is the nearest-rank percentile of the durations rounded down to 30 s.
 */
export const BUCKET_SECONDS = 30;

/** bucket index → count. */
export type Histogram = Map<number, number>;

export function addDuration(h: Histogram, seconds: number): void {
  const b = Math.max(0, Math.floor(seconds / BUCKET_SECONDS));
  h.set(b, (h.get(b) ?? 0) + 1);
}

export function mergeInto(into: Histogram, from: Histogram): void {
  for (const [b, n] of from) into.set(b, (into.get(b) ?? 0) + n);
}

/** Compact text for the store: `bucket:count,bucket:count`. */
export function encodeHistogram(h: Histogram): string {
  return [...h].sort((a, b) => a[0] - b[0]).map(([b, n]) => `${b}:${n}`).join(',');
}

export function decodeHistogramInto(into: Histogram, text: string): void {
  if (!text) return;
  for (const pair of text.split(',')) {
    const i = pair.indexOf(':');
    const b = Number(pair.slice(0, i));
    into.set(b, (into.get(b) ?? 0) + Number(pair.slice(i + 1)));
  }
}

/**
 * Nearest-rank percentile (the smallest value with at least p of the values at or below it), in minutes to one
 * decimal; null for no values. The median of 4 values is the 2nd, as a hand count does it.
 */
export function percentileMinutes(h: Histogram, p: number): number | null {
  let total = 0;
  for (const n of h.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const b of [...h.keys()].sort((x, y) => x - y)) {
    seen += h.get(b)!;
    if (seen >= rank) return Math.round((b * BUCKET_SECONDS) / 6) / 10;
  }
  return null;
}
