import { EventEmitter } from 'node:events';
import { LoopbackTransport } from '../../core/loopback-transport';
import type { HidDevice, HidTransport } from '../transport/hid-transport';

/**
 * An in-process HID transport to a simulated unit (this machine cannot create virtual HID devices): the
 * core LoopbackTransport, with each chunk the unit sends being one whole input report. Fault injection:
 * `unplug()` makes the unit vanish (close with ENODEV, opens fail with ENOENT) until `plug()`.
 */
export class FakeHidTransport extends EventEmitter implements HidTransport {
  private readonly loop: LoopbackTransport;

  constructor(device: HidDevice, description = 'simulated hid') {
    super();
    this.loop = new LoopbackTransport(
      { receive: (bytes) => device.receiveOutput(bytes), connect: (send) => device.connect(send), disconnect: () => device.disconnect() },
      description,
    );
    this.loop.on('data', (report: Buffer) => this.emit('report', report));
    this.loop.on('close', (err?: Error) => this.emit('close', err));
  }

  get description(): string {
    return this.loop.description;
  }

  get isOpen(): boolean {
    return this.loop.isOpen;
  }

  get plugged(): boolean {
    return this.loop.plugged;
  }

  open(): Promise<void> {
    return this.loop.open();
  }

  close(): Promise<void> {
    return this.loop.close();
  }

  /** Output reports reach the unit on a later tick, as through the kernel. */
  write(report: Uint8Array): Promise<void> {
    return this.loop.write(report);
  }

  async present(): Promise<boolean> {
    return this.loop.isOpen && this.loop.plugged;
  }

  unplug(): void {
    this.loop.unplug();
  }

  plug(): void {
    this.loop.plug();
  }
}
