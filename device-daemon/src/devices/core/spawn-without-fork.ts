import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { constants } from 'node:os';
import { loadLibc, type LibcFunction } from './libc';

/**
 * Starting a program without fork(). Node's spawn forks the daemon, which copies its page tables and
 * write-protects every page of its memory; each page the daemon then writes again takes a fault, and on a
 * virtual machine such a fault costs tens of microseconds. A fork per scanned page cost a sharp page 2 to 3
 * times its CPU (55 -> 150 ms), and a fork per card read (the WLT photo decoder) doubled the next read's time
 * to `card.read` (docs/PERFORMANCE.md). glibc's posix_spawn starts the child with CLONE_VM | CLONE_VFORK
 * instead: no page is copied or protected. Called through koffi (already the vendor ID-card libraries' FFI),
 * loaded when first asked for; where glibc or koffi is not there, `loadSpawner` gives undefined and the caller
 * uses Node's spawn. Node has no such call (its spawn is libuv's fork and exec).
 */

/** A child's standard stream: /dev/null, a pipe to the daemon, or a descriptor the daemon holds. */
export type ChildStdio = 'ignore' | 'pipe' | number;

export interface ChildExit {
  /** Exit status; null when the process was killed by a signal or never started. */
  code: number | null;
  signal: string | null;
  /** Set when the program could not be started (`ENOENT`: not installed). */
  spawnError?: string;
}

export interface SpawnedChild {
  /** 0 when the program could not be started. */
  pid: number;
  /** The daemon's ends of the streams given as 'pipe' (else null). */
  stdin: Writable | null;
  stdout: Readable | null;
  stderr: Readable | null;
  /** Resolves once the child has exited and been reaped; never rejects. */
  exit: Promise<ChildExit>;
}

export type Spawner = (command: string, args: readonly string[], env: Record<string, string | undefined>, stdio: readonly [ChildStdio, ChildStdio, ChildStdio]) => SpawnedChild;

const O_CLOEXEC = 0o2000000;
const O_RDONLY = 0;
const O_WRONLY = 1;
const WNOHANG = 1;
/** posix_spawnattr flags: reset signal dispositions (Node ignores SIGPIPE) and set the signal mask. */
const POSIX_SPAWN_SETSIGDEF = 0x04;
const POSIX_SPAWN_SETSIGMASK = 0x08;
/** Room for glibc's opaque structs (80, 336 and 128 bytes on x86-64 and ARM64). */
const OPAQUE_BYTES = 512;
/** How often a child whose pipes have closed is looked for, until it has exited. */
const REAP_EVERY_MS = 5;

const SIGNAL_NAMES = new Map<number, string>(Object.entries(constants.signals).map(([name, n]) => [n, name]));

let loading: Promise<Spawner | undefined> | undefined;

/** The spawner, or undefined where it cannot work (not Linux with glibc, koffi missing). Loaded once. */
export function loadSpawner(): Promise<Spawner | undefined> {
  loading ??= (async () => {
    const fn = await loadLibc();
    if (!fn) return undefined;
    try {
      return makeSpawner({
        pipe2: fn('int pipe2(_Out_ int *fds, int flags)'),
        faInit: fn('int posix_spawn_file_actions_init(void *fa)'),
        faDup2: fn('int posix_spawn_file_actions_adddup2(void *fa, int fd, int newfd)'),
        faOpen: fn('int posix_spawn_file_actions_addopen(void *fa, int fd, const char *path, int flags, int mode)'),
        faDestroy: fn('int posix_spawn_file_actions_destroy(void *fa)'),
        attrInit: fn('int posix_spawnattr_init(void *attr)'),
        attrFlags: fn('int posix_spawnattr_setflags(void *attr, short flags)'),
        attrSigDefault: fn('int posix_spawnattr_setsigdefault(void *attr, void *set)'),
        attrSigMask: fn('int posix_spawnattr_setsigmask(void *attr, void *set)'),
        attrDestroy: fn('int posix_spawnattr_destroy(void *attr)'),
        sigfillset: fn('int sigfillset(void *set)'),
        sigemptyset: fn('int sigemptyset(void *set)'),
        spawnp: fn('int posix_spawnp(_Out_ int *pid, const char *file, void *fa, void *attr, const char **argv, const char **envp)'),
        waitpid: fn('int waitpid(int pid, _Out_ int *status, int options)'),
      });
    } catch {
      return undefined;
    }
  })();
  return loading;
}

function makeSpawner(c: Record<string, LibcFunction>): Spawner {
  const pipe = (): [read: number, write: number] => {
    const fds = [0, 0];
    if (c.pipe2!(fds, O_CLOEXEC) !== 0) throw new Error('pipe2 failed');
    return fds as [number, number];
  };
  return (command, args, env, stdio) => {
    // Per stream: the child's end (dup2'd onto 0, 1, 2, closed here after the spawn) and the daemon's end.
    const ends = stdio.map((s, fd) => {
      if (s !== 'pipe') return undefined;
      const [r, w] = pipe();
      return fd === 0 ? { child: r, daemon: w } : { child: w, daemon: r };
    });
    const fa = Buffer.alloc(OPAQUE_BYTES);
    const attr = Buffer.alloc(OPAQUE_BYTES);
    const all = Buffer.alloc(OPAQUE_BYTES);
    const none = Buffer.alloc(OPAQUE_BYTES);
    const pid = [0];
    let failed = -1;
    try {
      c.faInit!(fa);
      c.attrInit!(attr);
      // As Node's spawn does: each stream where asked; every other descriptor of the daemon is close-on-exec.
      stdio.forEach((s, fd) => {
        if (s === 'ignore') c.faOpen!(fa, fd, '/dev/null', fd === 0 ? O_RDONLY : O_WRONLY, 0);
        else c.faDup2!(fa, s === 'pipe' ? ends[fd]!.child : s, fd);
      });
      c.sigfillset!(all);
      c.sigemptyset!(none);
      c.attrSigDefault!(attr, all);
      c.attrSigMask!(attr, none);
      c.attrFlags!(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
      const envp = Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
      failed = c.spawnp!(pid, command, fa, attr, [command, ...args, null], [...envp, null]);
    } catch (err) {
      for (const e of ends) if (e) closeSync(e.daemon);
      throw err;
    } finally {
      c.faDestroy!(fa);
      c.attrDestroy!(attr);
      for (const e of ends) if (e) closeSync(e.child);
    }
    if (failed !== 0) {
      for (const e of ends) if (e) closeSync(e.daemon);
      const code = Object.entries(constants.errno).find(([, n]) => n === failed)?.[0] ?? `errno ${failed}`;
      const ended = (fd: number) => (stdio[fd] === 'pipe' ? new PassThrough().end() : null);
      return { pid: 0, stdin: stdio[0] === 'pipe' ? new PassThrough() : null, stdout: ended(1), stderr: ended(2), exit: Promise.resolve({ code: null, signal: null, spawnError: code }) };
    }
    const daemonEnd = (fd: number) => {
      const e = ends[fd];
      return e ? new Socket({ fd: e.daemon, readable: fd !== 0, writable: fd === 0 }) : null;
    };
    const [stdin, stdout, stderr] = [daemonEnd(0), daemonEnd(1), daemonEnd(2)];
    // libuv reaps only the children it started: this one is looked for once its output pipes have closed (a
    // child that holds none is looked for at once, every few ms).
    const exit = new Promise<ChildExit>((resolve) => {
      const reap = () => {
        const status = [0];
        const got = c.waitpid!(pid[0], status, WNOHANG);
        if (got === 0) return void setTimeout(reap, REAP_EVERY_MS);
        if (got < 0) return resolve({ code: null, signal: null }); // reaped elsewhere: nothing more to know
        const s = status[0]!;
        const signal = s & 0x7f;
        resolve(signal === 0 ? { code: (s >> 8) & 0xff, signal: null } : { code: null, signal: SIGNAL_NAMES.get(signal) ?? `SIG${signal}` });
      };
      const outputs = [stdout, stderr].filter((s): s is Socket => s !== null);
      let open = outputs.length;
      if (open === 0) reap();
      for (const s of outputs) s.once('close', () => --open === 0 && reap());
    });
    return { pid: pid[0]!, stdin, stdout, stderr, exit };
  };
}
