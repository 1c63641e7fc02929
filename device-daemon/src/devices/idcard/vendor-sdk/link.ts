import { EventEmitter } from 'node:events';
import type { ByteTransport } from '../../core/transport';
import { Command, encodeReply, parseCommand } from '../codec/frame';
import { encodeReadData } from '../codec/read-reply';
import { SW3 } from '../codec/status';
import { CvrReader } from './cvr';
import { SdtReader } from './sdt';
import type { VendorReader } from './library';

export interface VendorSdkOptions {
  library: string;
  family: 'cvr' | 'sdt';
  port: number;
}

const is = (cmd: number, para: number, c: readonly [number, number]) => cmd === c[0] && para === c[1];

/**
 * A reader sold with a vendor library, seen by the driver as a SAM module: each GA 467 command frame the
 * driver writes becomes the library call that does that step, and its result comes back as the reply frame a
 * module would send (SW3 and data). So the card cycle, both module behaviours, the error mapping, statistics
 * and recovery are the same code as for `sam-serial`; only this transport differs.
 */
export class VendorSdkLink extends EventEmitter implements ByteTransport {
  readonly description: string;
  private readonly reader: VendorReader;
  private open_ = false;
  private calls: Promise<void> = Promise.resolve();

  constructor(opts: VendorSdkOptions, reader?: VendorReader) {
    super();
    this.description = `vendor library ${opts.library} (${opts.family === 'cvr' ? 'CVR_*' : 'SDT_*'}, port ${opts.port})`;
    this.reader = reader ?? (opts.family === 'cvr' ? new CvrReader(opts.library, opts.port) : new SdtReader(opts.library, opts.port));
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    await this.reader.open();
    this.open_ = true;
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    await this.calls;
    await this.reader.close();
    this.emit('close');
  }

  async write(bytes: Uint8Array): Promise<void> {
    const command = parseCommand(Buffer.from(bytes));
    // A frame the library cannot take is answered as a module answers a broken frame.
    if (!command) return void setImmediate(() => this.answer(encodeReply(SW3.RX_LENGTH)));
    this.calls = this.calls.then(() => this.perform(command.cmd, command.para)).then(
      (reply) => this.answer(reply),
      (err: Error) => this.failed(err),
    );
  }

  private async perform(cmd: number, para: number): Promise<Buffer> {
    const r = this.reader;
    if (is(cmd, para, Command.SAM_STATUS) || is(cmd, para, Command.RESET_SAM)) return encodeReply(await r.samStatus());
    if (is(cmd, para, Command.SAM_ID)) {
      const { sw3, id } = await r.samId();
      return encodeReply(sw3, id);
    }
    if (is(cmd, para, Command.FIND_CARD)) {
      const sw3 = await r.find();
      return encodeReply(sw3, sw3 === SW3.FIND_OK ? Buffer.alloc(4) : undefined);
    }
    if (is(cmd, para, Command.SELECT_CARD)) {
      const sw3 = await r.select();
      return encodeReply(sw3, sw3 === SW3.OK ? Buffer.alloc(8) : undefined);
    }
    if (is(cmd, para, Command.READ_TEXT_PHOTO) || is(cmd, para, Command.READ_TEXT_PHOTO_FP)) {
      // The libraries' base read carries no fingerprints, so 30 10 is answered as 30 01 with none.
      const { sw3, text, photo } = await r.read();
      if (sw3 !== SW3.OK || !text || !photo) return encodeReply(sw3);
      const data = encodeReadData({ text, photo });
      if (is(cmd, para, Command.READ_TEXT_PHOTO)) return encodeReply(sw3, data);
      const withNoFingerprint = Buffer.concat([data.subarray(0, 4), Buffer.alloc(2), data.subarray(4)]);
      return encodeReply(sw3, withNoFingerprint);
    }
    return encodeReply(SW3.COMMAND);
  }

  private answer(reply: Buffer): void {
    if (this.open_) this.emit('data', reply);
  }

  /** A library call that threw (the reader went away under it): the link is closed, the driver reconnects. */
  private failed(err: Error): void {
    if (!this.open_) return;
    this.open_ = false;
    void this.reader.close().catch(() => undefined);
    this.emit('close', err);
  }
}
