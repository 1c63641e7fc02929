import { EventEmitter } from 'node:events';
import { transportError, type ByteTransport } from '../../core/transport';
import { HEADER_BYTES, PREAMBLE } from '../codec/frame';
import type { BulkDevice, SamEndpoints } from './bulk-device';

/**
 * GA 467 frames over USB bulk endpoints, per the vendor document: the 7-byte header (preamble, LEN) goes out
 * on one endpoint and the rest of the frame on another; the reply comes back the same way, header first. The
 * bytes handed to `data` listeners are the frame as it would arrive on a serial line, so the same SamLink and
 * FrameDecoder run on top: only the transport differs from `sam-serial`.
 *
 * A SAM module speaks only when asked: each written command is followed by reading one reply (header, then
 * LEN bytes of body). A reply that does not come is the link's timeout to report, not this transport's.
 */
export class UsbBulkTransport extends EventEmitter implements ByteTransport {
  readonly description: string;
  private open_ = false;
  private reading: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly device: BulkDevice,
    private readonly endpoints: SamEndpoints,
    /** How long one reply may take to start arriving (the longest command timeout). */
    private readonly replyWaitMs: number,
  ) {
    super();
    this.description = `${device.description} (bulk ${hex(endpoints.headerOut)}/${hex(endpoints.headerIn)} header, ${hex(endpoints.bodyOut)}/${hex(endpoints.bodyIn)} body)`;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    await this.device.open();
    this.open_ = true;
    this.unsubscribe = this.device.onDetach(() => this.lost(transportError('ENODEV', `${this.device.description}: unplugged`)));
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.unsubscribe?.();
    await this.reading.catch(() => undefined);
    await this.device.close().catch(() => undefined);
    this.emit('close');
  }

  /** A USB reader that arrives (hot-plug) is reconnected at once rather than at the next backoff step. */
  onArrival(listener: () => void): () => void {
    return this.device.onAttach(listener);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw transportError('ENOTOPEN', `${this.description} is not open`);
    const frame = Buffer.from(bytes);
    if (frame.length <= HEADER_BYTES || !frame.subarray(0, PREAMBLE.length).equals(PREAMBLE)) {
      throw transportError('EINVAL', 'only whole GA 467 frames go over the bulk endpoints');
    }
    await this.device.transferOut(this.endpoints.headerOut, frame.subarray(0, HEADER_BYTES));
    await this.device.transferOut(this.endpoints.bodyOut, frame.subarray(HEADER_BYTES));
    this.reading = this.reading.then(() => this.readReply()).catch((err: Error) => this.lost(err));
  }

  private async readReply(): Promise<void> {
    if (!this.open_) return;
    const header = await this.device.transferIn(this.endpoints.headerIn, HEADER_BYTES, this.replyWaitMs);
    if (!this.open_ || header.length === 0) return;
    this.emit('data', header);
    if (header.length < HEADER_BYTES) return; // a broken header: the decoder resynchronises on the next preamble
    let left = header.readUInt16BE(PREAMBLE.length);
    while (left > 0 && this.open_) {
      const chunk = await this.device.transferIn(this.endpoints.bodyIn, left, this.replyWaitMs);
      if (chunk.length === 0) return;
      this.emit('data', chunk);
      left -= chunk.length;
    }
  }

  private lost(err: Error): void {
    if (!this.open_) return;
    this.open_ = false;
    this.unsubscribe?.();
    void this.device.close().catch(() => undefined);
    this.emit('close', err);
  }
}

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;
