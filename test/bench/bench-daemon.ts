/**
 * One daemon process for the benches that need real processes (hall-wide queue, memory): builds the app from
 * the configuration JSON in KIOSK_BENCH_CONFIG, listens on 127.0.0.1 and an ephemeral port, and prints
 * `port <n>`. It answers `mem` on stdin with one line of process.memoryUsage() JSON and `gc` by collecting
 * (run with --expose-gc), and `statements` with `statements <n>`: the PostgreSQL statements it has sent, each one
 * round trip (every `pg` query, pooled or not, goes through Client.prototype.query: BEGIN and COMMIT count, a
 * NOTIFY counts, LISTEN counts). It exits when stdin closes (its parent went away) or after 15 minutes whatever happens.
 */
import { buildApp } from '../../device-daemon/src/app';
import { HallRelay } from '../../device-daemon/src/hall/relay';
import { TakingTogether } from '../../device-daemon/src/queue/take-together';
import { takeInOneStatement } from '../../device-daemon/src/queue/take-one-statement';
import { benchConfig, serveCommands } from './config';

const raw = JSON.parse(process.env.KIOSK_BENCH_CONFIG ?? '{}') as Record<string, unknown>;
let statements = 0;
// Only on PostgreSQL: the memory bench's daemon on SQLite must not load pg.
if ((raw.store as { driver?: string } | undefined)?.driver === 'postgres') {
  const { Client } = (await import('pg')).default;
  const send = Client.prototype.query;
  Client.prototype.query = function (this: InstanceType<typeof Client>, ...args: unknown[]) {
    statements += 1;
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
}
// KIOSK_BENCH_NO_RELAY=1: the daemons neither send nor hear hall events, to measure what the relay costs them.
if (process.env.KIOSK_BENCH_NO_RELAY === '1') HallRelay.prototype.start = async () => undefined;
// KIOSK_BENCH_ONE_BY_ONE=1: each walk-in ticket its own statement, as before group commit, to measure what it buys.
if (process.env.KIOSK_BENCH_ONE_BY_ONE === '1') {
  TakingTogether.prototype.take = function (this: TakingTogether, row, dailyMax) {
    return takeInOneStatement((this as unknown as { db: Parameters<typeof takeInOneStatement>[0] }).db, row, dailyMax);
  };
}
const dataDir = process.env.KIOSK_BENCH_DATA_DIR ?? process.cwd();
// Eight daemons starting at once on a shared 2-core machine may take longer than Fastify's 10 s per plugin.
const app = buildApp({ config: await benchConfig(raw, dataDir) }, { logger: false, pluginTimeout: 120_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
serveCommands(app, (line) => {
  if (line === 'gc') (globalThis as { gc?: () => void }).gc?.();
  if (line === 'mem' || line === 'gc') console.log(`mem ${JSON.stringify(process.memoryUsage())}`);
  if (line === 'statements') console.log(`statements ${statements}`);
});
