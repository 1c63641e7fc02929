import { describe, expect, it } from 'vitest';
import { addDuration, addPairs, mergeInto, percentileMinutes, toPairs, type Histogram } from './histogram';

describe('duration histograms', () => {
  it('gives nearest-rank medians and 90th percentiles in minutes, as a hand count does', () => {
    const h: Histogram = [];
    for (const s of [60, 120, 300, 600]) addDuration(h, s);
    expect(percentileMinutes(h, 0.5)).toBe(2);
    expect(percentileMinutes(h, 0.9)).toBe(10);
    expect(percentileMinutes([], 0.5)).toBeNull();
  });

  it('survives the store and merges days by adding counts', () => {
    const a: Histogram = [];
    const b: Histogram = [];
    [30, 30, 95].forEach((s) => addDuration(a, s));
    [95, 3600].forEach((s) => addDuration(b, s));
    expect(toPairs(a)).toEqual([1, 2, 3, 1]);
    const merged: Histogram = [];
    addPairs(merged, toPairs(a));
    mergeInto(merged, b);
    expect(toPairs(merged)).toEqual([1, 2, 3, 2, 120, 1]);
    expect(percentileMinutes(merged, 0.5)).toBe(1.5);
  });

  it('counts a duration over a day as a day, so one bad timestamp cannot grow a histogram without end', () => {
    const h: Histogram = [];
    addDuration(h, 400 * 86_400);
    expect(h.length).toBe(2881);
    expect(percentileMinutes(h, 0.5)).toBe(1440);
  });
});
