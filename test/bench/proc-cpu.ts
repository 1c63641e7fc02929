import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

/** utime + stime (s) and the parent's pid of one process, all its threads; undefined once it is gone. */
function stat(pid: number): { cpu: number; ppid: number } | undefined {
  try {
    // Fields after the command name, which may hold spaces: state ppid … utime (14th field) stime (15th).
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return { cpu: (Number(f[11]) + Number(f[12])) / HZ, ppid: Number(f[1]) };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by these processes (the daemons): what the machine's load does not move. */
export const cpuOf = (pids: readonly number[]): number => pids.reduce((s, p) => s + (stat(p)?.cpu ?? 0), 0);

/**
 * CPU seconds used so far by each process of a PostgreSQL server, by pid: the postmaster (first line of
 * `postmaster.pid` in its data folder) and every process it started (backends, WAL writer, checkpointer).
 */
export function postgresProcesses(dataDirectory: string): Map<number, number> {
  const postmaster = Number(readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
  const cpu = new Map([[postmaster, stat(postmaster)?.cpu ?? 0]]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s?.ppid === postmaster) cpu.set(Number(name), s.cpu);
  }
  return cpu;
}

/**
 * CPU seconds the server's processes used between two readings: each process alive at the second, less what it
 * had at the first (0 if it started since). A backend that exited in between is not counted (a phase keeps its
 * connections open until read), and one that was exiting at the first reading no longer makes the sum negative.
 */
export function cpuSince(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}
