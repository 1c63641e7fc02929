import { transportError } from '../../core/transport';
import type { BulkDevice } from './bulk-device';

/** The part of the `usb` package (v3, WebUSB-shaped, over nusb) this file uses; typed here so it loads lazily. */
interface UsbDevice {
  vendorId: number;
  productId: number;
  opened: boolean;
  configuration?: unknown;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  nativeTransferOut(endpointNumber: number, timeout: number, data: Uint8Array): Promise<number>;
  nativeTransferIn(endpointNumber: number, timeout: number, length: number): Promise<Uint8Array | null>;
}
interface UsbConnectionEvent {
  device: UsbDevice;
}
interface UsbModule {
  usb: {
    findDeviceByIds(vid: number, pid: number): Promise<UsbDevice | undefined>;
    addEventListener(type: 'connect' | 'disconnect', listener: (ev: UsbConnectionEvent) => void): void;
    removeEventListener(type: 'connect' | 'disconnect', listener: (ev: UsbConnectionEvent) => void): void;
  };
}

/** Out transfers of a few bytes; a module that takes longer than this to accept a command is not there. */
const OUT_TIMEOUT_MS = 1000;
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * A SAM reader in USB mode through libusb (the `usb` package, loaded on first open so a kiosk without this
 * reader never loads the native module). Endpoint numbers are given with their direction bit (0x81); the
 * package wants the number alone.
 */
export class LibusbBulkDevice implements BulkDevice {
  readonly description: string;
  private device: UsbDevice | undefined;
  private mod: UsbModule | undefined;

  constructor(
    private readonly vendorId: number,
    private readonly productId: number,
  ) {
    this.description = `usb ${hex4(vendorId)}:${hex4(productId)}`;
  }

  private async load(): Promise<UsbModule> {
    this.mod ??= (await import('usb')) as unknown as UsbModule;
    return this.mod;
  }

  async open(): Promise<void> {
    const { usb } = await this.load();
    const device = await usb.findDeviceByIds(this.vendorId, this.productId).catch((err: Error) => {
      throw transportError('ENOENT', `${this.description}: cannot list USB devices: ${err.message}`);
    });
    if (!device) throw transportError('ENOENT', `${this.description}: no such USB device plugged in`);
    try {
      await device.open();
      if (!device.configuration) await device.selectConfiguration(1);
      await device.claimInterface(0);
    } catch (err) {
      const text = (err as Error).message;
      const code = /access|permission/i.test(text) ? 'EACCES' : /busy|claimed/i.test(text) ? 'EBUSY' : 'EIO';
      await device.close().catch(() => undefined);
      throw transportError(code, `${this.description}: ${text}`);
    }
    this.device = device;
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = undefined;
    if (device?.opened) await device.close();
  }

  async transferOut(endpoint: number, bytes: Uint8Array): Promise<void> {
    const device = this.need();
    await device.nativeTransferOut(endpoint & 0x0f, OUT_TIMEOUT_MS, bytes);
  }

  async transferIn(endpoint: number, length: number, timeoutMs: number): Promise<Buffer> {
    const device = this.need();
    try {
      const data = await device.nativeTransferIn(endpoint & 0x0f, timeoutMs, length);
      return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.alloc(0);
    } catch (err) {
      if (/timed? ?out/i.test((err as Error).message)) return Buffer.alloc(0);
      throw err;
    }
  }

  onDetach(listener: () => void): () => void {
    return this.watch('disconnect', listener);
  }

  onAttach(listener: () => void): () => void {
    return this.watch('connect', listener);
  }

  private watch(type: 'connect' | 'disconnect', listener: () => void): () => void {
    const mine = (ev: UsbConnectionEvent) => {
      if (ev.device.vendorId === this.vendorId && ev.device.productId === this.productId) listener();
    };
    let stopped = false;
    void this.load().then(({ usb }) => !stopped && usb.addEventListener(type, mine), () => undefined);
    return () => {
      stopped = true;
      if (this.mod) this.mod.usb.removeEventListener(type, mine);
    };
  }

  private need(): UsbDevice {
    if (!this.device) throw transportError('ENODEV', `${this.description} is not open`);
    return this.device;
  }
}
