import { EventEmitter } from 'node:events';
import type { SerialPort as SerialPortType } from 'serialport';
import { transportError, type ByteTransport } from './transport';

/** Bits on the wire per byte at 8N1: start + 8 data + stop. */
const BITS_PER_BYTE = 10;

/** Time `bytes` take on an 8N1 line at `baudRate`, in (fractional) milliseconds. */
export const wireTimeMs = (bytes: number, baudRate: number): number => (bytes * BITS_PER_BYTE * 1000) / baudRate;

/**
 * A serial port through node-serialport, loaded lazily so a simulated kiosk starts without the native module.
 * 8N1, no flow control: what ID-card SAM modules and ticket printers speak.
 */
export class SerialTransport extends EventEmitter implements ByteTransport {
  readonly description: string;
  private port: SerialPortType | undefined;

  constructor(
    readonly path: string,
    readonly baudRate: number,
  ) {
    super();
    this.description = `serial ${path} @${baudRate}`;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(normalise(err, this.path)) : resolve())));
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.once('close', (err?: Error & { disconnected?: boolean }) => {
      this.port = undefined;
      port.removeAllListeners('data');
      this.emit('close', err ?? undefined);
    });
    port.on('error', () => undefined); // surfaced through close or the failing write
    this.port = port;
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw transportError('ENOTOPEN', `${this.path} is not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => (err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve()))));
    });
  }
}

function normalise(err: Error, path: string): Error {
  const m = /(ENOENT|EACCES|EBUSY|Resource temporarily unavailable|No such file|Permission denied|Cannot lock)/.exec(err.message);
  const code =
    m?.[1] === 'No such file' ? 'ENOENT' : m?.[1] === 'Permission denied' ? 'EACCES' : m?.[1] === 'Cannot lock' || m?.[1]?.startsWith('Resource') ? 'EBUSY' : (m?.[1] ?? 'EIO');
  return transportError(code, `${path}: ${err.message}`);
}
