import { EventEmitter } from 'node:events';
import { close as closeFd, closeSync, constants, open as openFd, writeSync } from 'node:fs';
import { ReadStream, isatty } from 'node:tty';
import type { SerialPort as SerialPortType } from 'serialport';
import { transportError, type ByteTransport } from './transport';
import { loadLineSettings, type LineSettings } from './tty-line-settings';

/** Bits on the wire per byte at 8N1: start + 8 data + stop. */
const BITS_PER_BYTE = 10;

/** Time `bytes` take on an 8N1 line at `baudRate`, in (fractional) milliseconds. */
export const wireTimeMs = (bytes: number, baudRate: number): number => (bytes * BITS_PER_BYTE * 1000) / baudRate;

export interface SerialOptions {
  /**
   * When `write()` settles: `drained` (the default) once the bytes have left the port (tcdrain, on libuv's
   * thread pool), which a printer's driver waits for; `written` as soon as the tty has taken them all, for
   * a request/reply link that times the reply itself (the ID-card reader: a thread-pool round trip per
   * command saved, docs/PERFORMANCE.md, the card read path). Bytes the tty could not take at once are drained
   * either way.
   */
  settle?: 'drained' | 'written';
}

/**
 * A serial port through node-serialport, loaded lazily so a simulated kiosk starts without the native module.
 * 8N1, no flow control: what ID-card SAM modules and ticket printers speak.
 *
 * serialport opens the port (lock, line settings), drains and closes it. Received bytes are read by the event
 * loop itself from a second descriptor on the same tty (`readsOnLoop`): serialport's own reading takes every
 * chunk through libuv's thread pool, a `fs.read` there and a poll before the next one, which cost a card read
 * over a pty some 20 ms of CPU (docs/PERFORMANCE.md, the card read path). Writes go to the tty from the loop
 * too, as far as it takes them at once (`writeNow`). Where that descriptor cannot be had (no /proc, not a
 * tty), serialport reads and writes as before.
 */
export class SerialTransport extends EventEmitter implements ByteTransport {
  readonly description: string;
  private port: SerialPortType | undefined;
  private onLoop = false;
  /** The tty's VMIN as last set through `expect` (1: every byte wakes the loop). */
  private minimum = 1;
  private vmin: ReturnType<LineSettings['forTty']>;
  /** Calls of `expect`, to tell whether a `data` listener asked for its next frame's bytes itself. */
  private expected = 0;
  /**
   * Writes serialport still holds bytes of (handed to its own write, not yet written). A write the tty took
   * whole may still be draining: bytes written after it cannot overtake it, so it does not count.
   */
  private queued = 0;

  constructor(
    readonly path: string,
    readonly baudRate: number,
    private readonly opts: SerialOptions = {},
  ) {
    super();
    this.description = `serial ${path} @${baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /** Whether received bytes are read on the event loop (true) or through serialport's thread-pool reads. */
  get readsOnLoop(): boolean {
    return this.onLoop;
  }

  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(normalise(err, this.path)) : resolve())));
    const input = await loopReader(port);
    const received = (chunk: Buffer) => {
      const expected = this.expected;
      this.emit('data', chunk);
      // Linux's tty read hands over at most 64 bytes at a time while VMIN is above 1, and what is left may
      // then be fewer than VMIN: unless a listener asked anew, VMIN is lowered by what came, so nothing that
      // came is held back (`expect`).
      if (this.minimum > 1 && this.expected === expected) this.expect(this.minimum - chunk.length);
    };
    if (input) {
      input.on('data', received);
      // The tty gone (a USB adapter unplugged: end of file; a pty's far end closed: EIO) is the port gone, told
      // as serialport tells it when its own read fails: `close` with a disconnect error.
      const lost = (err?: Error) => {
        if (port.isOpen) port.close(undefined, Object.assign(new Error(err?.message ?? `${this.path}: the device went away`), { disconnected: true }));
      };
      input.on('error', lost);
      input.once('end', () => lost());
    } else {
      port.on('data', received);
    }
    port.once('close', (err?: Error & { disconnected?: boolean }) => {
      this.port = undefined;
      port.removeAllListeners('data');
      input?.off('data', received);
      input?.destroy();
      this.emit('close', err ?? undefined);
    });
    port.on('error', () => undefined); // surfaced through close or the failing write
    this.port = port;
    this.onLoop = input !== undefined;
    this.minimum = 1;
    const fd = (port.port as { fd?: unknown } | undefined)?.fd;
    this.vmin = this.onLoop && typeof fd === 'number' ? (await loadLineSettings())?.forTty(fd) : undefined;
  }

  /**
   * Sets the tty's VMIN (with VTIME 0) to the bytes a frame still needs, up to 255: the kernel then reports
   * the descriptor readable only once that many are there, so the loop reads a reply in a few chunks instead
   * of one per 1 ms frame of the adapter, and the last one the moment its last byte is in. A no-op where the
   * loop does not read the tty or libc cannot be reached (every byte wakes the loop, as before).
   */
  expect(bytes: number): void {
    this.expected += 1;
    const minimum = Math.max(1, Math.min(255, Math.floor(bytes)));
    if (minimum === this.minimum || !this.vmin || !this.port?.isOpen) return;
    if (this.vmin.setMinimum(minimum)) this.minimum = minimum;
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return;
    this.expect(1); // the tty's settings outlive this descriptor: the next opener finds VMIN as it was
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw transportError('ENOTOPEN', `${this.path} is not open`);
    const rest = this.queued === 0 ? this.writeNow(port, bytes) : Buffer.from(bytes);
    if (rest.length === 0 && this.opts.settle === 'written') return;
    if (rest.length === 0) return new Promise<void>((resolve, reject) => port.drain((e) => (e ? reject(e) : resolve())));
    this.queued += 1;
    await new Promise<void>((resolve, reject) => {
      port.write(rest, (err) => {
        this.queued -= 1;
        if (err) reject(err);
        else port.drain((e) => (e ? reject(e) : resolve()));
      });
    });
  }

  /**
   * Writes what the tty takes at once, from the loop (a command is a few bytes, and the tty's buffer holds
   * kilobytes), and answers what is left for serialport, which waits for room (a thread-pool write each time
   * otherwise, before the device sees a byte). Only when no earlier write is under way, so bytes never
   * overtake; any error but a full buffer is left for serialport's write to meet and report as it does.
   */
  private writeNow(port: SerialPortType, bytes: Uint8Array): Buffer {
    const fd = (port.port as { fd?: unknown } | undefined)?.fd;
    if (!this.onLoop || typeof fd !== 'number') return Buffer.from(bytes);
    try {
      return Buffer.from(bytes.subarray(writeSync(fd, bytes)));
    } catch {
      return Buffer.from(bytes);
    }
  }
}

/**
 * A read-only descriptor of the port serialport has open, reopened through /proc (the same tty: its line
 * settings are the tty's, not the descriptor's), as a tty stream: libuv reads it on the loop when it is
 * readable. A descriptor of its own, not serialport's: each side closes its own, and serialport's poller (for
 * writes that would block) never watches the descriptor the loop reads. Undefined where it cannot be had.
 */
async function loopReader(port: SerialPortType): Promise<ReadStream | undefined> {
  const fd = (port.port as { fd?: unknown } | undefined)?.fd;
  if (typeof fd !== 'number' || process.platform !== 'linux') return undefined;
  const flags = constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK; // libuv adds O_CLOEXEC
  const own = await new Promise<number | undefined>((resolve) => openFd(`/proc/self/fd/${fd}`, flags, (err, f) => resolve(err ? undefined : f)));
  if (own === undefined) return undefined;
  try {
    if (!isatty(own)) throw new Error('not a tty');
    const input = new ReadStream(own);
    input.on('error', () => undefined); // until the transport's own handler is on
    // On a pty libuv reads a descriptor it opened itself (and duplicated over ours): ours is then the caller's
    // to close, at once; otherwise the stream reads ours and closes it when destroyed.
    const reading = (input as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
    if (typeof reading === 'number' && reading !== own) closeSync(own);
    return input;
  } catch {
    closeFd(own, () => undefined);
    return undefined;
  }
}

function normalise(err: Error, path: string): Error {
  const m = /(ENOENT|EACCES|EBUSY|Resource temporarily unavailable|No such file|Permission denied|Cannot lock)/.exec(err.message);
  const code =
    m?.[1] === 'No such file' ? 'ENOENT' : m?.[1] === 'Permission denied' ? 'EACCES' : m?.[1] === 'Cannot lock' || m?.[1]?.startsWith('Resource') ? 'EBUSY' : (m?.[1] ?? 'EIO');
  return transportError(code, `${path}: ${err.message}`);
}
