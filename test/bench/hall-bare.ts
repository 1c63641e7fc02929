import { cpuCells, IN_FLIGHT_PER_DAEMON, timedPhase, warmUp, type Phase } from './hall-phase';
import { startDaemonProcess, type DaemonProcess } from './processes';
import type { BenchRow } from './table';

/**
 * The baseline that says whose limit the hall-wide figure is: as many bare daemons (bare-daemon.ts: Fastify, one
 * route, one `INSERT … RETURNING` through a pool of the store's size, nothing else) as the phase `ours` had,
 * run right after it on the same PostgreSQL with the same Node flags, driven by the same load generator at
 * the same concurrency, the CPU read from /proc the same way. If the bare architecture cannot reach the target
 * on this machine either, that is the measured reason; what lies between it and ours is ours to cut.
 */
export async function bareRows(
  count: number,
  ours: Phase,
  store: { url: string; poolSize?: number },
  root: string,
  dataDirectory: string,
  warmUpPerDaemon: number,
): Promise<BenchRow[]> {
  const config = { store };
  const daemons: DaemonProcess[] = await Promise.all(Array.from({ length: count }, () => startDaemonProcess(config, root, { entry: 'bare-daemon' })));
  try {
    let next = 0;
    const body = () => ({ categoryId: 'ABCDEFGH'[next++ % 8], delivery: 'screen' });
    await warmUp(daemons, body, IN_FLIGHT_PER_DAEMON, warmUpPerDaemon);
    const bare = await timedPhase(daemons, body, ours.tickets / count, IN_FLIGHT_PER_DAEMON, dataDirectory);
    const cpu = cpuCells(bare);
    const name = `${count} bare daemon${count > 1 ? 's' : ''}`;
    return [
      {
        area: 'hall-wide',
        metric: `${name} (Fastify, one INSERT … RETURNING, same pool, flags and load): requests/s (p99)`,
        value: `${bare.perSecond.toFixed(0)} /s (${bare.p99.toFixed(1)} ms)`,
        ratio: `ours = ${(ours.perSecond / bare.perSecond).toFixed(2)} of it`,
      },
      {
        area: 'hall-wide',
        metric: `${name}: CPU per request, daemons + PostgreSQL + load generator`,
        value: cpu.value,
        ratio: `2 cores allow ${cpu.allow.toFixed(0)} /s; ours: daemons ${(ours.ms.daemons / bare.ms.daemons).toFixed(1)}x, PostgreSQL ${(ours.ms.postgres / bare.ms.postgres).toFixed(1)}x of it`,
      },
    ];
  } finally {
    await Promise.all(daemons.map((d) => d.stop()));
  }
}
