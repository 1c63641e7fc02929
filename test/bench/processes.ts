import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

/** A daemon in its own process (bench-daemon.ts, or the bare one of bare-daemon.ts): its URL, its memory on request, and how to stop it. */
export interface DaemonProcess {
  url: string;
  pid: number;
  /** process.memoryUsage() of the daemon; `collect` runs a full GC first. */
  memory(collect?: boolean): Promise<NodeJS.MemoryUsage>;
  /** PostgreSQL statements (round trips) the daemon has sent so far. */
  statements(): Promise<number>;
  stop(): Promise<void>;
}

/** The daemon processes a bench can start: ours, the hall-wide bench's bare one (bare-daemon.ts), the card bench's (idcard-daemon.ts). */
export type DaemonEntry = 'bench-daemon' | 'bare-daemon' | 'idcard-daemon';
/** Each entry compiled once per run, inside the repository (dist/bench/), where its packages resolve. */
const compiled = new Map<DaemonEntry, Promise<string>>();

/**
 * How the daemon process runs: `compiled` as `npm start` and the systemd unit run it (the sources bundled by
 * scripts/build-daemon.mjs, node with the daemon's flags), `source` through tsx as the tests do (Node's defaults).
 */
export type DaemonRuntime = 'compiled' | 'source';

/**
 * The environment the systemd unit (deploy/systemd/kiosk-daemon.service) gives the daemon besides its paths:
 * two malloc arenas, so libvips' threads do not keep freed scan buffers in arenas of their own.
 */
export const UNIT_ENV = { MALLOC_ARENA_MAX: '2' };

/** node's arguments for a daemon entry run so. */
export async function daemonCommand(runtime: DaemonRuntime, entry: DaemonEntry): Promise<string[]> {
  const source = path.join(import.meta.dirname, `${entry}.ts`);
  if (runtime === 'source') return ['--expose-gc', '--import', 'tsx', source];
  const build = (await import(pathToFileURL(path.join(import.meta.dirname, '../../scripts/build-daemon.mjs')).href)) as {
    buildDaemon(o: { entry: string; outfile: string }): Promise<string>;
    DAEMON_NODE_FLAGS: string[];
  };
  if (!compiled.has(entry)) compiled.set(entry, build.buildDaemon({ entry: source, outfile: path.join(import.meta.dirname, `../../dist/bench/${entry}.mjs`) }));
  // KIOSK_BENCH_DAEMON_FLAGS: extra node flags for a look inside, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = process.env.KIOSK_BENCH_DAEMON_FLAGS?.split(' ').filter(Boolean) ?? [];
  return [...new Set(['--expose-gc', ...build.DAEMON_NODE_FLAGS, ...extra]), await compiled.get(entry)!];
}

/** Starts a daemon process with this configuration; rejects if it has not listened within `timeoutMs`. */
export async function startDaemonProcess(
  config: Record<string, unknown>,
  dataDir: string,
  { runtime = 'compiled', timeoutMs = 180_000, entry = 'bench-daemon' }: { runtime?: DaemonRuntime; timeoutMs?: number; entry?: DaemonEntry } = {},
): Promise<DaemonProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, await daemonCommand(runtime, entry), {
    env: { ...(runtime === 'compiled' ? UNIT_ENV : {}), ...process.env, KIOSK_BENCH_CONFIG: JSON.stringify(config), KIOSK_BENCH_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const waiting: ((m: NodeJS.MemoryUsage) => void)[] = [];
  const counting: ((n: number) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    const text = d.toString().split('\n').filter((l) => !/FSTDEP|trace-warnings/.test(l)).join('\n');
    stderr = (stderr + text).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`daemon did not start: ${stderr}`))), timeoutMs);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`daemon exited ${code}: ${stderr}`))));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('mem ')) waiting.shift()?.(JSON.parse(line.slice(4)) as NodeJS.MemoryUsage);
      if (line.startsWith('statements ')) counting.shift()?.(Number(line.slice(11)));
      if (!line.startsWith('port ')) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${line.slice(5)}`,
        pid: child.pid!,
        memory: (collect = false) =>
          new Promise((res) => {
            waiting.push(res);
            child.stdin.write(collect ? 'gc\n' : 'mem\n');
          }),
        statements: () =>
          new Promise((res) => {
            counting.push(res);
            child.stdin.write('statements\n');
          }),
        stop: () =>
          new Promise((res) => {
            if (child.exitCode !== null) return res();
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => (clearTimeout(kill), res()));
            child.stdin.end();
          }),
      });
    });
  });
}
