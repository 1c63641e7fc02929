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
}

export interface ScanTransport {
  /** For health pages and logs, e.g. `scanimage (SANE_CONFIG_DIR=data/sane-test)`. */
  readonly description: string;
  run(args: readonly string[]): ScanProcess;
}

/** Reads a whole stream into one buffer (device listings, images). */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
