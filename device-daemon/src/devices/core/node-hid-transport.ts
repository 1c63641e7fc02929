import { EventEmitter } from 'node:events';
import type { HIDAsync } from 'node-hid';
import type * as NodeHid from 'node-hid';
import { transportError } from './transport';

/** The part of node-hid used here; injectable so the transport's lifecycle is tested without a USB unit. */
export type HidModule = Pick<typeof NodeHid, 'devicesAsync' | 'HIDAsync'>;

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * A USB HID unit through node-hid (hidraw on Linux), loaded lazily so a simulated kiosk starts without the
 * native module. Shared by the 好差评 keypad (reports both ways) and the QR-code reader in HID keyboard mode
 * (input reports only); it meets the keypad's `HidTransport` and the reader's `HidReportSource` contracts.
 * node-hid needs libusb-1.0 at run time; reading hidraw needs a udev rule granting the daemon's user access
 * (see the keypad README).
 *
 * An opened device object keeps a no-op 'error' listener until it is dropped: node-hid may still report a
 * read error while it closes, and an EventEmitter 'error' without a listener would end the daemon.
 */
export class NodeHidTransport extends EventEmitter {
  readonly description: string;
  private device: HIDAsync | undefined;
  private openedPath: string | undefined;

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
      const code = /permission|access/i.test(message) ? 'EACCES' : /busy/i.test(message) ? 'EBUSY' : 'EIO';
      throw transportError(code, `${this.description}: ${message}`);
    }
    this.device = device;
    this.openedPath = match.path;
    device.on('data', (report: Buffer) => this.emit('report', Buffer.from(report)));
    device.on('error', (err: Error) => {
      // node-hid reports an unplugged unit as a read error; the device object is unusable afterwards.
      if (this.device !== device) return;
      this.device = undefined;
      device.removeAllListeners('data');
      void device.close().catch(() => undefined);
      this.emit('close', transportError('ENODEV', `${this.description}: ${err.message}`));
    });
  }

  async present(): Promise<boolean> {
    if (!this.device) return false;
    const HID = await this.load();
    const found = await HID.devicesAsync(this.target.vendorId, this.target.productId);
    return found.some((d) => d.path === this.openedPath);
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.device = undefined;
    device.removeAllListeners();
    device.on('error', () => undefined); // a read error while closing is expected, see above
    await device.close().catch(() => undefined);
    this.emit('close');
  }

  async write(report: Uint8Array): Promise<void> {
    if (!this.device) throw transportError('ENOTOPEN', `${this.description} is not open`);
    await this.device.write(Buffer.from(report));
  }
}
