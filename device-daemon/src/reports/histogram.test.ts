import { describe, expect, it } from 'vitest';
import { addDuration, decodeHistogramInto, encodeHistogram, mergeInto, percentileMinutes, type Histogram } from './histogram';

describe('duration histograms', () => {
  it('gives nearest-rank medians and 90th percentiles in minutes, as a hand count does', () => {
    const h: Histogram = new Map();
    for (const s of [60, 120, 300, 600]) addDuration(h, s);
    expect(percentileMinutes(h, 0.5)).toBe(2);
    expect(percentileMinutes(h, 0.9)).toBe(10);
    expect(percentileMinutes(new Map(), 0.5)).toBeNull();
  });

  it('survives the store and merges days by adding counts', () => {
    const a: Histogram = new Map();
    const b: Histogram = new Map();
    [30, 30, 95].forEach((s) => addDuration(a, s));
    [95, 3600].forEach((s) => addDuration(b, s));
    expect(encodeHistogram(a)).toBe('1:2,3:1');
    const merged: Histogram = new Map();
    decodeHistogramInto(merged, encodeHistogram(a));
    mergeInto(merged, b);
    expect(encodeHistogram(merged)).toBe('1:2,3:2,120:1');
    expect(percentileMinutes(merged, 0.5)).toBe(1.5);
  });
});
