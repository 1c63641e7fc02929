import { cpuOf, cpuSince, postgresProcesses } from './proc-cpu';
import type { DaemonProcess } from './processes';
import { socketLoad } from './socket-load';

/** CPU time per ticket (ms) of the daemons, of PostgreSQL (postmaster and every backend) and of this load generator. */
export interface CpuPerTicket {
  daemons: number;
  postgres: number;
  load: number;
}

export interface Phase {
  tickets: number;
  perSecond: number;
  p99: number;
  ms: CpuPerTicket;
  /** Statements (round trips) the daemons sent per ticket, the last relayed NOTIFYs included. */
  statements: number;
}

const URL_PATH = '/api/queue/tickets';
/** Requests each daemon has in flight, ours and the bare ones alike (a hall's kiosks and windows at once). */
export const IN_FLIGHT_PER_DAEMON = 8;

/**
 * Requests each daemon answers before the timed phase: a hall's daemons run for hours, so the phase must measure
 * their request path compiled by V8's optimiser, not its first runs. With 8 requests each (the earlier warm-up),
 * the 8-daemon phase's 200 requests a daemon ran mostly unoptimised code: in one process, our ticket route cost
 * 0.94, then 0.66, then 0.41 ms of CPU per request over three successive 1500-request rounds (a bare route 0.38,
 * 0.19, 0.22). 200 keeps the run's tickets under the categories' daily maximum (8 × 999).
 */
export const WARM_UP_PER_DAEMON = 200;

/**
 * `perDaemon` requests to each daemon, `inFlight` at a time, one daemon after another, so each pool opens its
 * connections here and not in the timed phase (eight daemons opening theirs at once on two loaded cores can
 * exceed the store's 3 s connect timeout) and PostgreSQL forks `inFlight` backends at a time.
 */
export async function warmUp(daemons: readonly DaemonProcess[], body: () => unknown, inFlight: number, perDaemon: number): Promise<void> {
  for (const d of daemons) await socketLoad(`${d.url}${URL_PATH}`, body, perDaemon, inFlight);
}

/**
 * The timed phase, the same for our daemons and the bare ones: `perDaemon` POSTs to each, `inFlight` at a time
 * on keep-alive sockets, and the CPU every party used meanwhile, read from /proc while all of them still run
 * (a process that has exited is not counted).
 */
export async function timedPhase(
  daemons: readonly DaemonProcess[],
  body: () => unknown,
  perDaemon: number,
  inFlight: number,
  dataDirectory: string,
): Promise<Phase> {
  const pids = daemons.map((d) => d.pid);
  const sent = async () => (await Promise.all(daemons.map((d) => d.statements()))).reduce((a, b) => a + b, 0);
  const sent0 = await sent();
  const cpu0 = { daemons: cpuOf(pids), postgres: postgresProcesses(dataDirectory), load: process.cpuUsage() };
  const t0 = performance.now();
  const each = await Promise.all(daemons.map((d) => socketLoad(`${d.url}${URL_PATH}`, body, perDaemon, inFlight)));
  const tickets = perDaemon * daemons.length;
  const perSecond = tickets / ((performance.now() - t0) / 1000);
  const load = process.cpuUsage(cpu0.load);
  const ms = {
    daemons: ((cpuOf(pids) - cpu0.daemons) * 1000) / tickets,
    postgres: (cpuSince(cpu0.postgres, postgresProcesses(dataDirectory)) * 1000) / tickets,
    load: (load.user + load.system) / 1000 / tickets,
  };
  await new Promise((r) => setTimeout(r, 300)); // the relays' last NOTIFYs
  const statements = ((await sent()) - sent0) / tickets;
  return { tickets, perSecond, p99: Math.max(...each.map((e) => e.p99)), ms, statements };
}

/** The CPU row's figures: "a + b + c ms" and what two cores allow at that cost. */
export function cpuCells(phase: Phase): { value: string; allow: number; reached: number } {
  const { ms } = phase;
  const total = ms.daemons + ms.postgres + ms.load;
  return {
    value: `${ms.daemons.toFixed(2)} + ${ms.postgres.toFixed(2)} + ${ms.load.toFixed(2)} ms`,
    allow: 2000 / total,
    reached: (phase.perSecond * total) / 2000,
  };
}
