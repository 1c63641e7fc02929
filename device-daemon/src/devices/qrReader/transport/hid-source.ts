import { EventEmitter } from 'node:events';
import type { HIDAsync } from 'node-hid';
import type * as NodeHid from 'node-hid';
import { transportError } from '../../core/transport';

/** Whole input reports from a HID unit (HID is report-framed; a scanner in keyboard mode sends no output). */
export interface HidReportSource {
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  on(event: 'report', listener: (report: Buffer) => void): this;
  on(event: 'close', listener: (err?: Error) => void): this;
  off(event: 'report', listener: (report: Buffer) => void): this;
  off(event: 'close', listener: (err?: Error) => void): this;
}

export type HidModule = Pick<typeof NodeHid, 'devicesAsync' | 'HIDAsync'>;
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * A scanner in HID keyboard mode through node-hid's hidraw, the keypad's pattern (devices/keypad): loaded
 * lazily, opened non-exclusively, a no-op 'error' listener kept while closing (node-hid may report a read
 * error then), an unplug reported as close with ENODEV. Reading hidraw keeps the scanner's keystrokes away
 * from the console; the udev rule in deploy/udev grants the daemon's user access.
 */
export class NodeHidSource extends EventEmitter implements HidReportSource {
  readonly description: string;
  private device: HIDAsync | undefined;

  constructor(
    private readonly target: { vendorId: number; productId: number; path?: string },
    private readonly load: () => Promise<HidModule> = () => import('node-hid'),
  ) {
    super();
    this.description = `hid ${hex4(target.vendorId)}:${hex4(target.productId)}${target.path ? ` ${target.path}` : ''}`;
  }

  get isOpen(): boolean {
    return this.device !== undefined;
  }

  async open(): Promise<void> {
    if (this.device) return;
    const HID = await this.load();
    const found = await HID.devicesAsync(this.target.vendorId, this.target.productId);
    const match = found.find((d) => d.path && (!this.target.path || d.path === this.target.path));
    if (!match?.path) throw transportError('ENOENT', `${this.description}: no such HID device`);
    let device: HIDAsync;
    try {
      device = await HID.HIDAsync.open(match.path, { nonExclusive: true });
    } catch (err) {
      const message = (err as Error).message;
      throw transportError(/permission|access/i.test(message) ? 'EACCES' : /busy/i.test(message) ? 'EBUSY' : 'EIO', `${this.description}: ${message}`);
    }
    this.device = device;
    device.on('data', (report: Buffer) => this.emit('report', Buffer.from(report)));
    device.on('error', (err: Error) => {
      if (this.device !== device) return;
      this.device = undefined;
      device.removeAllListeners('data');
      void device.close().catch(() => undefined);
      this.emit('close', transportError('ENODEV', `${this.description}: ${err.message}`));
    });
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.device = undefined;
    device.removeAllListeners();
    device.on('error', () => undefined);
    await device.close().catch(() => undefined);
    this.emit('close');
  }
}
