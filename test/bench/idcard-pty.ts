import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { openPtyPair } from '../support/pty';
import { percentile, verdict, type BenchRow } from './table';
import { BAUD, fromMonotonic, ms, otherThreadsMs, rig, sorted } from './idcard-rig';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { rigFloor } from './idcard-floor';

/** Every byte of one find/select/read cycle, both directions: 3 commands of 10 bytes, replies 15 + 19 + 1295. */
const CYCLE_WIRE_MS = ((30 + 15 + 19 + 1295) * 10 * 1000) / BAUD;

/**
 * Time this process's main thread has spent runnable but waiting for a core, ms (the second field of
 * /proc/self/task/<tid>/schedstat, in ns); 0 where schedstat is missing.
 */
function runQueueMs(task = `self/task/${process.pid}`): number {
  try {
    return Number(readFileSync(`/proc/${task}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

/** The socat process of the pair (its command line names the host end), for its run-queue wait. */
function socatOf(hostPath: string): string | undefined {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(hostPath)) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** What the reader process saw of one placed card, up to the last byte of the read reply. */
interface CycleSeen {
  findAt: number;
  turnarounds: number;
  /** Each turnaround after the find that found the card (select, read), ms. */
  gaps: number[];
  /** F a find with no card, f a find with the card, S select, R read; one read is `F…fSR` (poll waits before). */
  commands: string;
  writtenAt: number;
  /** The reader process's main thread waiting for a core from that find to the last byte written, ms. */
  farWaited: number;
}

/** The simulated reader in its own process (idcard-far.ts) on the device end of a pty, and what it reports. */
async function farReader(devicePath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'idcard-far.ts'), devicePath, String(BAUD)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let findAt = 0;
  let turnarounds = 0;
  /** Since the put: the commands the reader received, F (find, no card), f (find, card found), S, R. */
  let commands = '';
  const gaps: number[] = [];
  let queuedAtFind = 0;
  let written: ((at: number, farWaited: number) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulated reader exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = JSON.parse(line) as { ready?: number; find?: number; found?: number; queued?: number; turnaround?: number; command?: string; written?: number };
      if (m.ready) resolve();
      if (m.find) {
        findAt = fromMonotonic(m.find);
        turnarounds = 0;
        gaps.length = 0;
        commands += m.found ? 'f' : 'F';
        queuedAtFind = m.queued ?? 0;
      }
      if (m.turnaround !== undefined) {
        turnarounds += m.turnaround;
        gaps.push(m.turnaround);
        commands += m.command;
      }
      if (m.written) written?.(fromMonotonic(m.written), (m.queued ?? 0) - queuedAtFind);
    });
  });
  await ready;
  return {
    /**
     * Places a card; resolves when the last byte of its read reply was written, with the find that found it,
     * the turnarounds after it (sum and each), and every command the reader received since the put.
     */
    put(profile: string): Promise<CycleSeen> {
      commands = '';
      const done = new Promise<CycleSeen>((resolve) => {
        written = (writtenAt, farWaited) => resolve({ findAt, turnarounds, gaps: [...gaps], commands, writtenAt, farWaited });
      });
      child.stdin.write(`put ${profile}\n`);
      return done;
    },
    remove: () => void child.stdin.write('remove\n'),
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * Over a pty with the simulated reader, in a process of its own, pacing its bytes at 115200 baud: find
 * command -> card.read at the client (times across the processes on CLOCK_MONOTONIC). The first read is a row
 * of its own; the percentiles are over the n reads after it. CPU is the daemon process's per read (its
 * WebSocket client is a process of its own), from the card put to card.read; the host's reads are the chunks
 * its serial port delivered from the find that found the card to card.read (find, select and read replies).
 * Beside each percentile the rig's floor (idcard-floor.ts): the same cycles with no daemon, same pair, same run,
 * half of them before the daemon's reads and half after.
 */
export async function pacedRead(n: number): Promise<BenchRow[]> {
  const pair = await openPtyPair();
  const far = await farReader(pair.devicePath);
  // The rig alone, on the same pair and reader process, while the daemon does not hold the port: half before
  // the daemon's reads and half after, so a machine whose load changes meanwhile weighs on both alike.
  const floor = (await rigFloor(pair.hostPath, far, Math.floor(n / 2))).slice(1);
  const r = await rig({ driver: 'sam-serial', path: pair.hostPath, baudRate: BAUD, pollIntervalMs: 50 });
  // When each chunk reached the host's serial transport (its `data` events), on this process's performance.now() scale.
  const arrivals: number[] = [];
  let onLoop = false;
  let closed = false;
  const emit = SerialTransport.prototype.emit;
  SerialTransport.prototype.emit = function (this: SerialTransport, event: string | symbol, ...args: unknown[]) {
    if (event === 'data' && this.path === pair.hostPath) {
      arrivals.push(performance.now());
      onLoop = this.readsOnLoop;
    }
    return emit.call(this, event, ...args);
  };
  // The daemon's garbage collections (the bench shares its process), to tell a slow read's own pause from the
  // machine's: each read gets the GC pause time that began inside it.
  const collections: PerformanceEntry[] = [];
  const gcObserver = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  gcObserver.observe({ entryTypes: ['gc'] });
  try {
    const whole: number[] = [];
    const paused: number[] = [];
    const helpers: number[] = [];
    const after: number[] = [];
    const turns: number[] = [];
    const cpu: number[] = [];
    const reads: number[] = [];
    const waited: number[] = [];
    const farWaited: number[] = [];
    const socatWaited: number[] = [];
    const socat = socatOf(pair.hostPath);
    const gaps: number[] = [];
    const unusual: string[] = [];
    for (let i = 0; i <= n; i++) {
      const got = r.next('card.read');
      const putAt = performance.now();
      const before = process.cpuUsage();
      const threadsBefore = otherThreadsMs();
      const queued = runQueueMs();
      const socatQueued = socat ? runQueueMs(socat) : 0;
      const sent = far.put('resident-elder');
      const at = await got;
      const used = process.cpuUsage(before);
      helpers.push(otherThreadsMs() - threadsBefore);
      waited.push(runQueueMs() - queued);
      socatWaited.push(socat ? runQueueMs(socat) - socatQueued : 0);
      const { findAt, turnarounds, writtenAt, commands, gaps: each, farWaited: farWait } = await sent;
      farWaited.push(farWait);
      // One read is polls without the card, then find (found), select, read: anything else is a cycle that
      // restarted (a failed select or read, a retry, a timeout) and is listed in the row.
      if (!/^F*fSR$/.test(commands)) unusual.push(`${i}: ${commands}`);
      if (i > 0) gaps.push(...each);
      whole.push(at - findAt);
      after.push(at - writtenAt);
      turns.push(turnarounds);
      await new Promise((resolve) => setImmediate(resolve)); // the observer's entries are delivered on a later turn
      paused.push(collections.filter((e) => e.startTime >= putAt && e.startTime <= at).reduce((sum, e) => sum + e.duration, 0));
      collections.length = 0;
      cpu.push((used.user + used.system) / 1000);
      reads.push(arrivals.filter((t) => t > findAt && t <= at).length);
      arrivals.length = 0;
      const removed = r.next('card.removed');
      far.remove();
      await removed;
    }
    await r.close();
    closed = true;
    floor.push(...(await rigFloor(pair.hostPath, far, Math.ceil(n / 2))).slice(1));
    const [first] = whole.splice(0, 1);
    for (const xs of [cpu, after, turns, reads, waited, farWaited, socatWaited, paused, helpers]) xs.splice(0, 1);
    const slowest = whole.map((_, i) => i).sort((x, y) => whole[y]! - whole[x]!).slice(0, 2);
    const [w, c, a, t, k, f, q, g] = [sorted(whole), sorted(cpu), sorted(after), sorted(turns), sorted(reads), sorted(floor), sorted(waited), sorted(gaps)];
    const ofCycle = (x: number) => `${(x / CYCLE_WIRE_MS).toFixed(3)} of whole cycle's wire time (${ms(CYCLE_WIRE_MS)})`;
    return [
      { area: 'idcard', metric: 'whole read over pty at 115200 baud (find -> card.read), first read after start (not in the percentiles)', value: ms(first!), ratio: ofCycle(first!) },
      ...[50, 99].map((p) => ({
        area: 'idcard',
        metric: `whole read over pty at 115200 baud (find -> card.read), p${p} (n=${n})`,
        value: ms(percentile(w, p)),
        ratio: `${ofCycle(percentile(w, p))}; the rig alone (same pty, reader process and transport, no daemon: find -> last reply byte at the host, n=${n}) ${ms(percentile(f, p))}, ${(percentile(f, p) / CYCLE_WIRE_MS).toFixed(3)}x; the host's part: 2 turnarounds ${ms(percentile(t, p))}, last byte written -> card.read ${ms(percentile(a, p))}`,
        target: verdict(`≤ ${p === 50 ? '1.02' : '1.04'}x cycle wire time`, percentile(w, p) / CYCLE_WIRE_MS <= (p === 50 ? 1.02 : 1.04)),
      })),
      {
        area: 'idcard', metric: `cycles restarted (a failed find, select or read, a retry, a timeout) (n=${n})`, value: String(unusual.length),
        ratio: `${unusual.length ? `${unusual.slice(0, 4).join(', ')}; ` : ''}single turnarounds (select or read) p50 ${ms(percentile(g, 50))}, p99 ${ms(percentile(g, 99))}, max ${ms(g.at(-1)!)}; waiting for a core (schedstat run-queue delay): the daemon's main thread put -> card.read p50 ${ms(percentile(q, 50))}, p99 ${ms(percentile(q, 99))}; in the 2 slowest reads (${slowest.map((i) => ms(whole[i]!)).join(', ')}) the daemon ${slowest.map((i) => ms(waited[i]!)).join(', ')}, the reader process (find -> last byte) ${slowest.map((i) => ms(farWaited[i]!)).join(', ')}, socat ${slowest.map((i) => ms(socatWaited[i]!)).join(', ')}; the daemon's CPU in them ${slowest.map((i) => ms(cpu[i]!)).join(', ')}, of which its threads besides the main one (V8's collector and compiler, libuv's pool) ${slowest.map((i) => ms(helpers[i]!)).join(', ')} (p50 of all reads ${ms(percentile(sorted(helpers), 50))}), its GC pauses ${slowest.map((i) => ms(paused[i]!)).join(', ')} (p99 of all reads ${ms(percentile(sorted(paused), 99))})`,
      },
      { area: 'idcard', metric: `daemon process CPU per whole read over pty, p50 (n=${n})`, value: ms(percentile(c, 50)), ratio: `p99 ${ms(percentile(c, 99))}; the host's serial reads per cycle (find, select, read replies) p50 ${percentile(k, 50)}, p99 ${percentile(k, 99)}; reads ${onLoop ? 'on the event loop' : "through serialport's thread pool"}` },
    ];
  } finally {
    gcObserver.disconnect();
    SerialTransport.prototype.emit = emit;
    if (!closed) await r.close();
    await far.close();
    await pair.close();
  }
}

