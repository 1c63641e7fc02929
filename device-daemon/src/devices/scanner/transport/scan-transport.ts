import type { Readable } from 'node:stream';
import type { ScanExit } from '../codec/status';

/**
 * The child-process transport contract of the scanner: run the `scanimage` program with arguments.
 * The production transport spawns the real program; the in-process simulator implements the same
 * contract for machines without SANE. The driver is the same over both.
 *
 * Obligations of an implementation:
 * - `run()` never throws: a program that cannot start ends with `exit.spawnError` (e.g. 'ENOENT').
 * - `stdout` carries the image (or the device list), `stderr` the progress records and messages, both in
 *   chunks of any size; both end before `exit` resolves.
 * - `exit` resolves exactly once and never rejects.
 * - `kill()` stops the run (SIGTERM for a child): it then ends with `code: null` and the signal. Killing
 *   an ended run does nothing.
 */
export interface ScanProcess {
  readonly stdout: Readable;
  readonly stderr: Readable;
  readonly exit: Promise<ScanExit>;
  kill(): void;
  /**
   * The program's stdout as a file, when `run(args, { toFile: true })` was asked and the transport could make
   * one: the image is read from it after `exit`, and `stdout` ends at once, empty. The caller closes it.
   */
  readonly output?: OutputFile;
}

/** Where a run's stdout went instead of a pipe. */
export interface OutputFile {
  /** Bytes written so far. */
  size(): Promise<number>;
  /** Reads into `into` from `position`: how many bytes came (fewer at the end of the file). */
  read(into: Buffer, position: number): Promise<number>;
  /** Frees the file; once. */
  close(): Promise<void>;
}

export interface RunOptions {
  /**
   * An image is expected on stdout: the transport may give the program a file instead of a pipe (`output`),
   * so megabytes are not passed through the event loop in 64 KiB chunks. Transports without one ignore it.
   */
  toFile?: boolean;
}

export interface ScanTransport {
  /** For health pages and logs, e.g. `scanimage (SANE_CONFIG_DIR=data/sane-test)`. */
  readonly description: string;
  run(args: readonly string[], options?: RunOptions): ScanProcess;
}

/** Reads a whole stream into one buffer (device listings, images). */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
