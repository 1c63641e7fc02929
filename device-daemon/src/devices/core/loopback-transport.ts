import { EventEmitter } from 'node:events';
import type { ByteTransport } from './transport';
import { transportError } from './transport';

/**
 * The far end a simulator implements: it receives the host's bytes and sends bytes back through `reply`.
 * The same simulator can sit behind a LoopbackTransport (in process) or on a pty (see attachSimulatorToPort).
 */
export interface ByteDevice {
  /** Bytes from the host. */
  receive(bytes: Buffer): void;
  /** Installed by whoever carries the bytes; the device calls it to send bytes to the host. */
  connect(reply: (bytes: Buffer) => void): void;
  disconnect(): void;
}

/**
 * An in-process transport to a simulator. Fault injection: `unplug()` makes the device vanish
 * (close with an error, opens fail with ENOENT) until `plug()`.
 */
export class LoopbackTransport extends EventEmitter implements ByteTransport {
  private open_ = false;
  private present = true;

  constructor(
    private readonly device: ByteDevice,
    readonly description = 'simulated',
  ) {
    super();
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.present) throw transportError('ENOENT', `${this.description}: device not present`);
    if (this.open_) return;
    this.open_ = true;
    this.device.connect((bytes) => {
      if (this.open_) this.emit('data', Buffer.from(bytes));
    });
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.device.disconnect();
    this.emit('close');
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw transportError('ENOTOPEN', `${this.description} is not open`);
    // Deliver on a later tick, as a real port would, so replies never arrive before write() resolves.
    const copy = Buffer.from(bytes);
    setImmediate(() => this.device.receive(copy));
  }

  /** Fault injection: the cable is pulled. */
  unplug(): void {
    this.present = false;
    if (!this.open_) return;
    this.open_ = false;
    this.device.disconnect();
    this.emit('close', transportError('ENODEV', `${this.description}: device disconnected`));
  }

  plug(): void {
    this.present = true;
  }

  get plugged(): boolean {
    return this.present;
  }
}
