import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { openPtyPair } from '../support/pty';
import { percentile, verdict, type BenchRow } from './table';
import { BAUD, fromMonotonic, ms, rig, sorted } from './idcard-rig';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { rigFloor } from './idcard-floor';

/** Every byte of one find/select/read cycle, both directions: 3 commands of 10 bytes, replies 15 + 19 + 1295. */
const CYCLE_WIRE_MS = ((30 + 15 + 19 + 1295) * 10 * 1000) / BAUD;

/** The simulated reader in its own process (idcard-far.ts) on the device end of a pty, and what it reports. */
async function farReader(devicePath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'idcard-far.ts'), devicePath, String(BAUD)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let findAt = 0;
  let turnarounds = 0;
  let written: ((at: number) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulated reader exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = JSON.parse(line) as { ready?: number; find?: number; turnaround?: number; written?: number };
      if (m.ready) resolve();
      if (m.find) {
        findAt = fromMonotonic(m.find);
        turnarounds = 0;
      }
      if (m.turnaround) turnarounds += m.turnaround;
      if (m.written) written?.(fromMonotonic(m.written));
    });
  });
  await ready;
  return {
    /** Places a card; resolves when the last byte of its read reply was written, with the find and turnarounds. */
    put(profile: string): Promise<{ findAt: number; turnarounds: number; writtenAt: number }> {
      const done = new Promise<{ findAt: number; turnarounds: number; writtenAt: number }>((resolve) => {
        written = (writtenAt) => resolve({ findAt, turnarounds, writtenAt });
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
  try {
    const whole: number[] = [];
    const after: number[] = [];
    const turns: number[] = [];
    const cpu: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i <= n; i++) {
      const got = r.next('card.read');
      const before = process.cpuUsage();
      const sent = far.put('resident-elder');
      const at = await got;
      const used = process.cpuUsage(before);
      const { findAt, turnarounds, writtenAt } = await sent;
      whole.push(at - findAt);
      after.push(at - writtenAt);
      turns.push(turnarounds);
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
    for (const xs of [cpu, after, turns, reads]) xs.splice(0, 1);
    const [w, c, a, t, k, f] = [sorted(whole), sorted(cpu), sorted(after), sorted(turns), sorted(reads), sorted(floor)];
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
      { area: 'idcard', metric: `daemon process CPU per whole read over pty, p50 (n=${n})`, value: ms(percentile(c, 50)), ratio: `p99 ${ms(percentile(c, 99))}; the host's serial reads per cycle (find, select, read replies) p50 ${percentile(k, 50)}, p99 ${percentile(k, 99)}; reads ${onLoop ? 'on the event loop' : "through serialport's thread pool"}` },
    ];
  } finally {
    SerialTransport.prototype.emit = emit;
    if (!closed) await r.close();
    await far.close();
    await pair.close();
  }
}

