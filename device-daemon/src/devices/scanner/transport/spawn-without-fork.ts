import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { constants } from 'node:os';
import type { ScanExit } from '../codec/status';
import { loadLibc, type LibcFunction } from '../../core/libc';

/**
 * Starting scanimage without fork(). Node's spawn forks the daemon, which write-protects every page of its
 * memory; each page the daemon then writes again takes a fault, and in a multi-threaded process (libvips
 * compressing the last page meanwhile) each such fault costs tens of microseconds on a virtual machine. A fork
 * per scanned page cost a sharp page 2 to 3 times its CPU (55 -> 150 ms, docs/PERFORMANCE.md, scanning).
 * glibc's posix_spawn starts the child with CLONE_VM | CLONE_VFORK instead: no page is copied or protected.
 * Called through koffi (already the vendor ID-card libraries' FFI), loaded at the first scan; where glibc or
 * koffi is not there, `loadSpawner` gives undefined and the transport uses Node's spawn.
 */
export interface Spawned {
  pid: number;
  /** The child's stderr (a pipe). */
  stderr: Readable;
  /** Resolves once the child has exited and been reaped; never rejects. */
  exit: Promise<ScanExit>;
}

export type Spawner = (command: string, args: readonly string[], env: Record<string, string | undefined>, stdoutFd: number) => Spawned;

const O_CLOEXEC = 0o2000000;
const O_RDONLY = 0;
const WNOHANG = 1;
/** posix_spawnattr flags: reset signal dispositions (Node ignores SIGPIPE) and set the signal mask. */
const POSIX_SPAWN_SETSIGDEF = 0x04;
const POSIX_SPAWN_SETSIGMASK = 0x08;
/** Room for glibc's opaque structs (80, 336 and 128 bytes on x86-64 and ARM64). */
const OPAQUE_BYTES = 512;
/** How often a child whose stderr has closed is looked for, until it has exited. */
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
  return (command, args, env, stdoutFd) => {
    const fds = [0, 0];
    if (c.pipe2!(fds, O_CLOEXEC) !== 0) throw new Error('pipe2 failed');
    const [errRead, errWrite] = fds as [number, number];
    const fa = Buffer.alloc(OPAQUE_BYTES);
    const attr = Buffer.alloc(OPAQUE_BYTES);
    const all = Buffer.alloc(OPAQUE_BYTES);
    const none = Buffer.alloc(OPAQUE_BYTES);
    const pid = [0];
    let failed = -1;
    try {
      c.faInit!(fa);
      c.attrInit!(attr);
      // As Node's spawn does: stdin from nowhere, the page into the file, stderr into the pipe; every other
      // descriptor of the daemon is close-on-exec.
      c.faOpen!(fa, 0, '/dev/null', O_RDONLY, 0);
      c.faDup2!(fa, stdoutFd, 1);
      c.faDup2!(fa, errWrite, 2);
      c.sigfillset!(all);
      c.sigemptyset!(none);
      c.attrSigDefault!(attr, all);
      c.attrSigMask!(attr, none);
      c.attrFlags!(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
      const envp = Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
      failed = c.spawnp!(pid, command, fa, attr, [command, ...args, null], [...envp, null]);
    } catch (err) {
      closeSync(errRead);
      throw err;
    } finally {
      c.faDestroy!(fa);
      c.attrDestroy!(attr);
      closeSync(errWrite);
    }
    if (failed !== 0) {
      closeSync(errRead);
      const code = Object.entries(constants.errno).find(([, n]) => n === failed)?.[0] ?? `errno ${failed}`;
      return { pid: 0, stderr: new PassThrough().end(), exit: Promise.resolve({ code: null, signal: null, spawnError: code }) };
    }
    const stderr = new Socket({ fd: errRead, readable: true, writable: false });
    // libuv reaps only the children it started: this one is looked for once its stderr has closed.
    const exit = new Promise<ScanExit>((resolve) => {
      const reap = () => {
        const status = [0];
        const got = c.waitpid!(pid[0], status, WNOHANG);
        if (got === 0) return void setTimeout(reap, REAP_EVERY_MS);
        if (got < 0) return resolve({ code: null, signal: null }); // reaped elsewhere: nothing more to know
        const s = status[0]!;
        const signal = s & 0x7f;
        resolve(signal === 0 ? { code: (s >> 8) & 0xff, signal: null } : { code: null, signal: SIGNAL_NAMES.get(signal) ?? `SIG${signal}` });
      };
      stderr.once('close', reap);
    });
    return { pid: pid[0]!, stderr, exit };
  };
}
