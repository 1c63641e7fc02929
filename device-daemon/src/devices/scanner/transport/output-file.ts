import { close, constants, fstat, openSync, read } from 'node:fs';
import type { OutputFile } from './scan-transport';

/**
 * O_TMPFILE (Linux 3.11): a file with no name in a folder, freed by the kernel when its last descriptor closes,
 * also when the daemon crashes. `__O_TMPFILE` is 020000000 on x86 and ARM alike; O_DIRECTORY differs, so it
 * comes from Node. A kernel or file system without it refuses the folder (EISDIR, EOPNOTSUPP).
 */
const O_TMPFILE = 0o20000000 | constants.O_DIRECTORY;

/**
 * A page's stdout file for scanimage: unnamed, mode 0600, in a RAM file system (/dev/shm by default), so the
 * raw pixels of a scanned ID card never reach a disk and nothing is left to clean up after a crash. Undefined
 * where the system cannot make one (not Linux, no O_TMPFILE, no such folder): the pipe is used then.
 */
export function openOutputFile(folder: string): { fd: number; file: OutputFile } | undefined {
  if (process.platform !== 'linux') return undefined;
  let fd: number;
  try {
    // Synchronous: one open on a RAM file system, before the spawn that needs the descriptor.
    fd = openSync(folder, O_TMPFILE | constants.O_RDWR, 0o600);
  } catch {
    return undefined;
  }
  let closed = false;
  const file: OutputFile = {
    size: () => new Promise((resolve, reject) => fstat(fd, (err, st) => (err ? reject(err) : resolve(st.size)))),
    // pread on libuv's pool: the event loop does not copy the page.
    read: (into, position) => new Promise((resolve, reject) => read(fd, into, 0, into.length, position, (err, n) => (err ? reject(err) : resolve(n)))),
    close: () =>
      new Promise((resolve) => {
        if (closed) return resolve();
        closed = true;
        close(fd, () => resolve());
      }),
  };
  return { fd, file };
}
