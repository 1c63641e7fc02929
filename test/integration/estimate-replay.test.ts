import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../device-daemon/src/estimate/simulate';
import { generateDay, HALL, recordsFromCsv } from '../replay/day';
import { replayDay } from '../replay/replay';

describe('wait estimate replayed against recorded days', () => {
  it('beats people-ahead-times-mean on the same generated day, in error and in share inside the range', () => {
    const rng = seededRandom(2026);
    const history = [generateDay(rng), generateDay(rng), generateDay(rng)];
    const day = generateDay(rng);
    const s = replayDay(HALL, history, day, 60);
    expect(s.tickets).toBeGreaterThan(300);
    expect(s.model.maeMinutes).toBeLessThan(s.naive.maeMinutes);
    expect(s.model.insideRange).toBeGreaterThan(s.naive.insideRange);
  }, 120_000);

  it('reads a CSV of real tickets (UTF-8 with BOM) into the same records', () => {
    const csv = '\uFEFFcategory,issued_at,called_at,done_at,counter\r\nA,2026-11-30T01:00:00Z,2026-11-30T01:02:00Z,2026-11-30T01:07:00Z,1\r\nB,2026-11-30T01:05:00Z,,,\r\n';
    expect(recordsFromCsv(csv)).toEqual([
      { category: 'A', issued: 3600, called: 3720, done: 4020, counter: 1 },
      { category: 'B', issued: 3900, called: null, done: null, counter: null },
    ]);
  });
});
