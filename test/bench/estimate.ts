import { seededRandom } from '../../device-daemon/src/estimate/simulate';
import { generateDay, HALL } from '../replay/day';
import { replayDay } from '../replay/replay';
import type { BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';

/**
 * The wait estimate measured, not claimed: generated days of a busy hall replayed ticket by ticket (the estimate
 * made at issue against the wait that followed), the model beside today's people-ahead × mean, same tickets.
 */
export async function bench(): Promise<BenchRow[]> {
  const rng = seededRandom(14);
  const history = [generateDay(rng), generateDay(rng), generateDay(rng), generateDay(rng), generateDay(rng)];
  const days = Array.from({ length: quick ? 1 : 5 }, () => generateDay(rng));
  const runs = quick ? 60 : 200;
  let tickets = 0;
  const sum = { mMae: 0, mIn: 0, nMae: 0, nIn: 0 };
  const t0 = performance.now();
  for (const [i, day] of days.entries()) {
    const s = replayDay(HALL, history, day, runs, i + 1);
    tickets += s.tickets;
    sum.mMae += s.model.maeMinutes * s.tickets;
    sum.mIn += s.model.insideRange * s.tickets;
    sum.nMae += s.naive.maeMinutes * s.tickets;
    sum.nIn += s.naive.insideRange * s.tickets;
  }
  const perEstimateMs = (performance.now() - t0) / tickets;
  const f = (x: number) => (x / tickets).toFixed(1);
  const pct = (x: number) => `${((x / tickets) * 100).toFixed(0)}%`;
  return [
    { area: 'estimate', metric: `wait error, model (${days.length} days, ${tickets} tickets)`, value: `${f(sum.mMae)} min`, ratio: `${(sum.mMae / sum.nMae).toFixed(2)} of naive ${f(sum.nMae)} min` },
    { area: 'estimate', metric: 'inside the shown range, model / naive (band as wide)', value: `${pct(sum.mIn)} / ${pct(sum.nIn)}`, ratio: sum.mIn > sum.nIn && sum.mMae < sum.nMae ? 'model ahead' : 'MODEL BEHIND' },
    { area: 'estimate', metric: `one estimate (${runs} simulation runs)`, value: `${perEstimateMs.toFixed(1)} ms` },
  ];
}
