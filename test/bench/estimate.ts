import { monitorEventLoopDelay } from 'node:perf_hooks';
import { estimateWait, seededRandom } from '../../device-daemon/src/estimate/simulate';
import { historyFrom } from '../../device-daemon/src/estimate/history';
import { DEFAULT_BOUNDS, estimateSliced } from '../../device-daemon/src/estimate/sliced';
import { generateDay, HALL } from '../replay/day';
import { replayDay } from '../replay/replay';
import type { BenchRow } from './table';
import { estimateHall } from './estimate-hall';

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
  const stall = await eventLoopStall(history);
  const onTheTicketsPath = await estimateHall();
  return [
    { area: 'estimate', metric: `wait error, model (${days.length} days, ${tickets} tickets)`, value: `${f(sum.mMae)} min`, ratio: `${(sum.mMae / sum.nMae).toFixed(2)} of naive ${f(sum.nMae)} min` },
    { area: 'estimate', metric: 'inside the shown range, model / naive (band as wide)', value: `${pct(sum.mIn)} / ${pct(sum.nIn)}`, ratio: sum.mIn > sum.nIn && sum.mMae < sum.nMae ? 'model ahead' : 'MODEL BEHIND' },
    { area: 'estimate', metric: `one estimate (${runs} simulation runs)`, value: `${perEstimateMs.toFixed(1)} ms` },
    { area: 'estimate', metric: `longest event-loop stall, 300 waiting: daemon's sliced estimate (${stall.runs} runs)`, value: `${stall.sliced.toFixed(0)} ms`, ratio: stall.whole >= 1 ? `${(stall.sliced / stall.whole).toFixed(2)} of unsliced ${stall.whole.toFixed(0)} ms` : 'unsliced: under the monitor\'s 1 ms' },
    ...onTheTicketsPath,
  ];
}

/** A busy hall's worst queue (300 waiting): the longest the event loop waits while one estimate is made, sliced as the daemon makes it and whole. */
async function eventLoopStall(days: ReturnType<typeof generateDay>[]) {
  const served = days.flat().filter((r) => r.called !== null && r.done !== null)
    .map((r) => ({ category: r.category, serviceSeconds: r.done! - r.called!, issuedHour: Math.floor(r.issued / 3600) }));
  const model = historyFrom(served, days.length, () => 10);
  const now = { waiting: Array.from({ length: 300 }, (_, i) => ({ category: 'ABCDEF'[i % 6]! })), busy: [] };
  const measure = async (work: () => Promise<unknown>) => {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    await work();
    await new Promise((r) => setTimeout(r, 5));
    h.disable();
    return h.max / 1e6;
  };
  const whole = await measure(async () => estimateWait(HALL, now, model, 'A', seededRandom(1), DEFAULT_BOUNDS.runs));
  const sliced = await measure(() => estimateSliced(HALL, now, model, 'A', seededRandom(1), DEFAULT_BOUNDS));
  return { whole, sliced, runs: `${DEFAULT_BOUNDS.minRuns}–${DEFAULT_BOUNDS.runs}` };
}
