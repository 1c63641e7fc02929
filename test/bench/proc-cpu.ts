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
 * CPU seconds used so far by a PostgreSQL server: the postmaster (first line of `postmaster.pid` in its data
 * folder) and every process it started (backends, WAL writer, checkpointer). A backend that has exited is no
 * longer counted, so read before and after a phase while its connections are still open.
 */
export function postgresCpu(dataDirectory: string): number {
  const postmaster = Number(readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
  let total = stat(postmaster)?.cpu ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s?.ppid === postmaster) total += s.cpu;
  }
  return total;
}
