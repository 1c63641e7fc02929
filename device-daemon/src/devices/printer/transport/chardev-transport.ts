import { EventEmitter } from 'node:events';
import { constants, promises as fs } from 'node:fs';
import type { ByteTransport } from '../../core/transport';
import { transportError } from '../../core/transport';

const RETRY_CODES = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A printer's character device (`/dev/usb/lp0`, usblp) opened read/write through node:fs.
 *
 * Opened non-blocking on purpose: a blocking read on a printer that never answers, or a blocking write to a
 * printer out of paper, would hold a libuv thread forever and could not be cancelled. So reads poll
 * (EAGAIN or 0 bytes = nothing yet) and writes retry EAGAIN until the caller's timeout gives up.
 * usblp admits one opener, so a second open fails with EBUSY, which is reported as such.
 */
export class CharDeviceTransport extends EventEmitter implements ByteTransport {
  readonly description: string;
  private handle: fs.FileHandle | undefined;
  private generation = 0;

  constructor(
    readonly path: string,
    private readonly pollMs = 20,
  ) {
    super();
    this.description = `chardev ${path}`;
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      this.handle = await fs.open(this.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      throw transportError(code, `${this.path}: ${(err as Error).message}`);
    }
    void this.readLoop(this.handle, ++this.generation);
  }

  private async readLoop(handle: fs.FileHandle, generation: number): Promise<void> {
    const buf = Buffer.alloc(256);
    while (this.handle === handle && this.generation === generation) {
      try {
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead > 0) this.emit('data', Buffer.from(buf.subarray(0, bytesRead)));
        else await sleep(this.pollMs);
      } catch (err) {
        if (RETRY_CODES.has((err as NodeJS.ErrnoException).code ?? '')) {
          await sleep(this.pollMs);
          continue;
        }
        if (this.handle === handle) await this.lost(err as Error); // EIO/ENODEV: the device went away
        return;
      }
    }
  }

  private async lost(err: Error): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
    this.emit('close', transportError((err as NodeJS.ErrnoException).code ?? 'EIO', `${this.path}: ${err.message}`));
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = undefined;
    await handle.close().catch(() => undefined);
    this.emit('close');
  }

  /** Writes everything, retrying while the device's buffer is full; the caller bounds the time. */
  async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) {
      const handle = this.handle;
      if (!handle) throw transportError('ENOTOPEN', `${this.path} is not open`);
      try {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
        offset += bytesWritten;
        if (bytesWritten === 0) await sleep(this.pollMs);
      } catch (err) {
        if (!RETRY_CODES.has((err as NodeJS.ErrnoException).code ?? '')) {
          if (this.handle === handle) await this.lost(err as Error);
          throw err;
        }
        await sleep(this.pollMs);
      }
    }
  }
}
