import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { serviceDate } from '../../device-daemon/src/core/hall-time';
import { seededRandom } from '../../device-daemon/src/estimate/simulate';
import { benchConfig } from './config';
import { measure } from './queue-floor';
import { EstimatePerTicket } from './estimate-before';
import { verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const DAYS = 20;
const SERVED_A_DAY = 30;
const AHEAD = 20;
/** Median service (call to done), seconds, log-normal with a long tail as a hall's: A 8 min, B 5 min. */
const SERVICE = { A: 480, B: 300 };

/**
 * How the daemon is set up: a fresh hall; one with served history whose model is off (`minServed` out of reach:
 * what the history in the store costs by itself); the same with the model on; and the same with the model as it
 * was before the lane's runs were shared (`estimate-before.ts`: each ticket's own simulation).
 */
type Hall = 'fresh' | 'model off' | 'history' | 'before';
const HALLS: readonly Hall[] = ['fresh', 'model off', 'history', 'before'];

/**
 * Screen tickets of A one after another behind 20 waiting, in a daemon whose store holds 20 days × 30 served
 * tickets of A and B (so the wait model answers: basis `simulation`), beside the same daemon on a fresh store
 * (the model answers null: basis `recent-mean` or none), beside the history daemon with its model off and with
 * the model as it was (each ticket its own simulation: what every ticket cost before). Fresh daemons each time,
 * the four alternated in rounds (the median round shown); CPU time of this process per ticket, which the shared
 * machine inflates little, and the simulations' own CPU (`simulationCpuMs`), which it inflates less.
 */
export async function estimateHall(): Promise<BenchRow[]> {
  const n = quick ? 30 : 200;
  const rounds = quick ? 1 : 3;
  const cpu = Object.fromEntries(HALLS.map((h) => [h, [] as number[]])) as Record<Hall, number[]>;
  const runs = Object.fromEntries(HALLS.map((h) => [h, 0])) as Record<Hall, number>;
  const simulated = { ...runs };
  const answer: Partial<Record<Hall, string>> = {};
  // A first round of a few tickets each, not counted: V8 compiles the simulation the first time it runs, and the
  // daemon that ran it first would pay for all three.
  for (let round = -1; round < rounds; round++) {
    for (const hall of HALLS) {
      const r = await issueBurst(hall, round < 0 ? 10 : n);
      if (round < 0) continue;
      cpu[hall].push(r.cpuMs);
      runs[hall] += r.simulations;
      simulated[hall] += r.simulationCpuMs;
      answer[hall] = r.answer;
    }
  }
  // The median round: one round of a loaded machine's noise does not move it.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [fresh, off, shared, single] = HALLS.map((h) => median(cpu[h])) as [number, number, number, number];
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const each = (h: Hall) => (cpu[h].length > 1 ? ` (${cpu[h].map(ms).join(', ')})` : '');
  const row = (metric: string, value: string, ratio?: string, target?: string): BenchRow => ({ area: 'estimate', metric, value, ...(ratio ? { ratio } : {}), ...(target ? { target } : {}) });
  const perTicket = (h: Hall) => `${(runs[h] / (n * rounds)).toFixed(2)} simulations${h === 'before' ? '' : `, ${ms(simulated[h] / (n * rounds))} of their CPU`} a ticket`;
  return [
    row(`CPU a screen ticket, ${n} behind ${AHEAD}, fresh hall (baseline)`, ms(fresh) + each('fresh'), '1.0x', undefined),
    row(`CPU a screen ticket, hall with ${DAYS} days × ${SERVED_A_DAY} served a category, model off`, ms(off) + each('model off'), `${(off / fresh).toFixed(2)}x fresh`),
    row('CPU a screen ticket, the same hall, model on: lane\'s runs shared', ms(shared) + each('history'), `${(shared / fresh).toFixed(2)}x fresh, ${(shared / off).toFixed(2)}x model off; ${perTicket('history')}`, verdict('≤ 1.3x fresh', shared <= 1.3 * fresh)),
    row('CPU a screen ticket, the same hall, each ticket its own simulation (the model before)', ms(single) + each('before'), `${(single / fresh).toFixed(2)}x fresh, ${(single / off).toFixed(2)}x model off; ${perTicket('before')}`),
    row('the last ticket\'s wait: fresh / history, runs shared / before (basis)', `${answer.fresh ?? '—'} / ${answer.history ?? '—'} / ${answer.before ?? '—'}`),
  ];
}

export async function issueBurst(hall: Hall, n: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-estimate-hall-'));
  const config = await benchConfig({
    hall: { name: '基准大厅', timezone: 'Asia/Shanghai' }, devices: {}, log: { level: 'silent' },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2] }, { id: 'B', name: '注册登记', windows: [3] }] },
  }, dir);
  const app = buildApp({ config }, { logger: false });
  try {
    await app.ready();
    if (hall !== 'fresh') await seedServed(app);
    if (hall === 'model off' || hall === 'before') Object.assign(app.estimates.options, { minServed: Infinity });
    const before = hall === 'before' ? new EstimatePerTicket(app.store, config.queue, config.hall.timezone) : undefined;
    if (before) app.queue.useEstimator(before);
    const take = () => app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } });
    for (let i = 0; i < AHEAD; i++) await take();
    const start = { simulations: app.estimates.simulations + (before?.simulations ?? 0), cpuMs: app.estimates.simulationCpuMs };
    let last: { ticket: { estimatedWait: { text: string; basis: string } | null } } | undefined;
    const m = await measure(n, async () => {
      const res = await take();
      last = res.json();
      return res;
    }, 201);
    const wait = last?.ticket.estimatedWait;
    const simulations = app.estimates.simulations + (before?.simulations ?? 0) - start.simulations;
    return { cpuMs: m.cpuMs, simulations, simulationCpuMs: app.estimates.simulationCpuMs - start.cpuMs, answer: wait ? `${wait.text} (${wait.basis})` : 'none' };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** DAYS past service days, SERVED_A_DAY done tickets of A and of B each from 09:00 hall time, log-normal service times. */
async function seedServed(app: FastifyInstance) {
  const rng = seededRandom(16);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const iso = (ms: number) => new Date(ms).toISOString();
  await app.store.tx(async (q) => {
    for (let d = 1; d <= DAYS; d++) {
      const date = serviceDate(new Date(Date.now() - d * 86_400_000), 'Asia/Shanghai');
      for (const [category, median] of Object.entries(SERVICE)) {
        for (let i = 0; i < SERVED_A_DAY; i++) {
          const issued = Date.parse(`${date}T01:00:00Z`) + i * 900_000; // 09:00 in Shanghai, one every 15 minutes
          const called = issued + (2 + rng() * 20) * 60_000;
          const done = called + median * Math.exp(0.5 * normal()) * 1000;
          await q.execute(
            `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, recalls, issued_at, called_at, serving_at, done_at)
             VALUES ($1, $2, $3, $4, $5, 'done', 0, 'screen', 0, 0, $6, $7, $7, $8)`,
            [`h-${date}-${category}${i}`, `${category}${String(i + 1).padStart(3, '0')}`, category, date, i + 1, iso(issued), iso(called), iso(done)],
          );
        }
      }
    }
  });
}
