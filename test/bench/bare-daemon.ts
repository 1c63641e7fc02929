/**
 * The hall-wide bench's bare daemon: what any Node service would cost on this request, so the bench can say whose
 * limit the hall-wide figure is. A Fastify app with one route, POST /api/queue/tickets, that runs ONE
 * `INSERT … RETURNING` (pg-ceiling.ts's) through a `pg` pool of the same size and timeouts as the store's, and
 * answers 201 with the row's id. Nothing else: no plugins, no schemas, no relay, no LISTEN, no timers, no logger.
 * Compiled and run as bench-daemon.ts is (same Node flags), and it speaks the same stdin protocol: it prints
 * `port <n>`, answers `statements` with `statements <n>` and exits when stdin closes or after 15 minutes.
 */
import { createInterface } from 'node:readline';
import Fastify from 'fastify';
import pg from 'pg';
import { CEILING_INSERT } from './pg-ceiling';

const raw = JSON.parse(process.env.KIOSK_BENCH_CONFIG ?? '{}') as { store: { url: string; poolSize?: number } };
let statements = 0;
const pool = new pg.Pool({
  connectionString: raw.store.url,
  max: raw.store.poolSize ?? 10,
  connectionTimeoutMillis: 3000,
  query_timeout: 15_000,
  idleTimeoutMillis: 30_000,
});
pool.on('error', () => undefined);

const app = Fastify({ logger: false });
app.post('/api/queue/tickets', async (request, reply) => {
  statements += 1;
  const { rows } = await pool.query<{ id: string }>(CEILING_INSERT, [(request.body as { categoryId: string }).categoryId]);
  return reply.code(201).send({ id: rows[0]!.id });
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`port ${(app.server.address() as { port: number }).port}`);

const stop = async () => {
  await app.close().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
};
setTimeout(() => void stop(), 15 * 60_000).unref();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'statements') console.log(`statements ${statements}`);
});
lines.on('close', () => void stop());
