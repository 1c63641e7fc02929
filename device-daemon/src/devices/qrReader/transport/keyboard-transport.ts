import { EventEmitter } from 'node:events';
import { transportError, type ByteTransport } from '../../core/transport';
import { KeyboardDecoder } from '../codec/hid-keyboard';
import type { HidReportSource } from './hid-source';

/**
 * A scanner in HID keyboard mode as a byte stream: its boot keyboard reports become the characters they
 * type (codec/hid-keyboard.ts), so the driver frames them on the suffix exactly as a serial scanner's bytes.
 * Reports that are not boot keyboard reports are counted in `badReports`.
 */
export class KeyboardTransport extends EventEmitter implements ByteTransport {
  private readonly decoder = new KeyboardDecoder();
  badReports = 0;

  constructor(
    private readonly source: HidReportSource,
    private readonly reportId?: number,
  ) {
    super();
    source.on('report', (report) => {
      const { text, errors } = this.decoder.feed(report, this.reportId);
      this.badReports += errors;
      if (text) this.emit('data', Buffer.from(text, 'latin1'));
    });
    source.on('close', (err) => {
      this.decoder.reset();
      this.emit('close', err);
    });
  }

  get description(): string {
    return `${this.source.description} (keyboard mode)`;
  }

  get isOpen(): boolean {
    return this.source.isOpen;
  }

  open(): Promise<void> {
    this.decoder.reset();
    return this.source.open();
  }

  close(): Promise<void> {
    return this.source.close();
  }

  async write(): Promise<void> {
    throw transportError('EINVAL', 'a keyboard-mode scanner takes no commands');
  }
}
