import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';
import { startUpstream } from '../support/upstream';
import { percentile, type BenchRow } from './table';
import { tokenHash } from '../../device-daemon/src/queue/counter-auth';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const CONCURRENCY = 4; // the sender's default
/** Only a served ticket is rated: window 1 serves each one (untimed) before the ratings are measured. */
const WINDOW_TOKEN = 'bench-window-1';
const headers = { authorization: `Bearer ${WINDOW_TOKEN}` };

async function daemon(dir: string, upstreamUrl?: string): Promise<FastifyInstance> {
  const raw = {
    devices: {},
    queue: { categories: [{ id: 'A', name: '社会民生' }] },
    counters: { tokens: [{ counter: 1, sha256: tokenHash(WINDOW_TOKEN) }] },
    evaluation: upstreamUrl ? { upstream: { url: upstreamUrl, concurrency: CONCURRENCY } } : {},
    log: { level: 'silent' },
  };
  const app = buildApp({ config: await benchConfig(raw, dir) }, { logger: false });
  await app.ready();
  return app;
}

async function timed(n: number, call: (i: number) => Promise<{ statusCode: number }>) {
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await call(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.statusCode !== 201) throw new Error(`unexpected status ${r.statusCode}`);
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (n / totalMs) * 1000 };
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('bench: delivery did not finish in time');
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * 好差评: a rating through the API (validation, ticket lookup, one SQLite transaction with fsync writing
 * the rating, its outbox row and a follow-up for bad ones) beside a bare Fastify route; then delivery of the
 * outbox to a local upstream after a restart, beside plain fetch POSTs of the same bodies at the same concurrency.
 */
export async function bench(): Promise<BenchRow[]> {
  const n = quick ? 100 : 600;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-eval-'));
  const upstream = await startUpstream();
  const bare = Fastify({ logger: false });
  bare.post('/r', async (_req, reply) => reply.status(201).send({ evaluation: { id: 'x' } }));
  let app = await daemon(dir);
  try {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } });
      const ticket = r.json<{ ticket: { id: string; number: string } }>().ticket;
      await app.inject({ method: 'POST', url: '/api/counters/1/call', headers, payload: { number: ticket.number } });
      await app.inject({ method: 'POST', url: '/api/counters/1/start', headers });
      await app.inject({ method: 'POST', url: '/api/counters/1/done', headers });
      ids.push(ticket.id);
    }
    const body = (i: number) => ({ ticketId: ids[i], level: 1 + (i % 5), channel: 'kiosk', ...(i % 5 < 2 ? { reasons: ['等候时间过长'] } : {}) });
    const base = await timed(n, (i) => bare.inject({ method: 'POST', url: '/r', payload: body(i) }));
    const rated = await timed(n, (i) => app.inject({ method: 'POST', url: '/api/evaluations', payload: body(i) }));
    await app.close();

    // Delivery: a new daemon on the same store finds n pending ratings and sends them.
    const t0 = process.hrtime.bigint();
    app = await daemon(dir, upstream.url);
    await until(() => upstream.deliveries.size >= n, 120_000);
    const deliverMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const payloads = [...upstream.deliveries.values()].map((d) => JSON.stringify(d.body));

    // Baseline: the same bodies posted with fetch, CONCURRENCY at a time, to fresh keys.
    const t1 = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < payloads.length) {
          const i = next++;
          const r = await fetch(upstream.url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `raw-${i}` }, body: payloads[i] });
          await r.arrayBuffer();
        }
      }),
    );
    const rawMs = Number(process.hrtime.bigint() - t1) / 1e6;
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const deliverRate = (n / deliverMs) * 1000;
    const rawRate = (n / rawMs) * 1000;
    return [
      { area: 'evaluation', metric: 'bare Fastify route p50 / p99 (baseline)', value: `${ms(base.p50)} / ${ms(base.p99)}`, ratio: '1.0x' },
      { area: 'evaluation', metric: 'rate via API + outbox: p50 / p99', value: `${ms(rated.p50)} / ${ms(rated.p99)}`, ratio: `${(rated.p50 / base.p50).toFixed(1)}x bare p50` },
      { area: 'evaluation', metric: 'rate via API + outbox: ratings/s', value: `${rated.perSecond.toFixed(0)} /s`, ratio: `${(rated.perSecond / base.perSecond).toFixed(3)} of bare` },
      { area: 'evaluation', metric: `deliver outbox after restart (${CONCURRENCY} in flight)`, value: `${deliverRate.toFixed(0)} /s`, ratio: `${(deliverRate / rawRate).toFixed(2)} of raw fetch POST` },
      { area: 'evaluation', metric: `raw fetch POST to upstream (${CONCURRENCY} in flight, baseline)`, value: `${rawRate.toFixed(0)} /s`, ratio: '1.0x' },
    ];
  } finally {
    await app.close();
    await bare.close();
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
