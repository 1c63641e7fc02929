import { EventEmitter } from 'node:events';
import type { ByteDevice } from '../../core/loopback-transport';
import { transportError } from '../../core/transport';
import { SUFFIX_BYTES, type SuffixName } from '../codec/suffix';
import { encodeScan } from '../codec/text';
import { encodeTyping } from '../codec/hid-keyboard';
import type { HidReportSource } from '../transport/hid-source';

export interface SimulatedScannerSettings {
  mode: 'serial' | 'hid';
  suffix: SuffixName;
  /** How the simulated unit sends Chinese text in serial mode. */
  sends: 'utf-8' | 'gb18030';
}

/**
 * A 2D scanner that sends what a real one sends when a code is held under it: in serial (CDC) mode the code's
 * bytes and the suffix, in keyboard mode one boot keyboard report per key down and up. The production driver
 * decodes these bytes as it would a real unit's. Faults: `sendRaw` (noise, another system's bytes), `partial`
 * (half a code, then silence), unplug/plug on the transport.
 */
export class QrScannerSimulator implements ByteDevice {
  private reply: ((bytes: Buffer) => void) | undefined;
  readonly hid: SimulatedHidSource;
  scanCount = 0;

  constructor(readonly settings: SimulatedScannerSettings) {
    this.hid = new SimulatedHidSource();
  }

  get connected(): boolean {
    return this.settings.mode === 'hid' ? this.hid.isOpen : this.reply !== undefined;
  }

  receive(): void {
    /* a scanner in CDC mode ignores what the host sends unless it is a configuration command */
  }

  connect(reply: (bytes: Buffer) => void): void {
    this.reply = reply;
  }

  disconnect(): void {
    this.reply = undefined;
  }

  /** A person holds a code under the scanner. */
  scan(text: string): void {
    this.scanCount += 1;
    if (this.settings.mode === 'hid') {
      const enter = this.settings.suffix === 'TAB' ? '\t' : '\r';
      for (const report of encodeTyping(text + enter)) this.hid.send(report);
      return;
    }
    this.sendRaw(Buffer.concat([encodeScan(text, this.settings.sends), Buffer.from(SUFFIX_BYTES[this.settings.suffix])]));
  }

  /** Half a code: the first half of its bytes and no suffix (the person pulled the phone away). */
  partial(text: string): void {
    const bytes = encodeScan(text, this.settings.sends);
    this.sendRaw(bytes.subarray(0, Math.max(1, bytes.length >> 1)));
  }

  /** Bytes as they are: noise, or a code of another system with its own suffix. */
  sendRaw(bytes: Uint8Array): void {
    if (this.settings.mode === 'hid') return void this.hid.send(Buffer.from(bytes));
    if (!this.reply) throw Object.assign(new Error('QR scanner simulator is unplugged'), { code: 'SIM_UNPLUGGED' });
    this.reply(Buffer.from(bytes));
  }
}

/** The simulated unit's HID side: reports to the host, unplug and plug. */
export class SimulatedHidSource extends EventEmitter implements HidReportSource {
  readonly description = 'simulated hid (keyboard mode)';
  private open_ = false;
  plugged = true;

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.plugged) throw transportError('ENOENT', `${this.description}: device not present`);
    this.open_ = true;
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close');
  }

  send(report: Buffer): void {
    if (!this.open_) throw Object.assign(new Error('QR scanner simulator is unplugged'), { code: 'SIM_UNPLUGGED' });
    setImmediate(() => this.open_ && this.emit('report', report));
  }

  unplug(): void {
    this.plugged = false;
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close', transportError('ENODEV', `${this.description}: device disconnected`));
  }
}
