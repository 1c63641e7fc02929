import { EventEmitter } from 'node:events';
import { DeviceDriver, type HealthLevel } from '../core/device';
import { isDeviceError } from '../core/device-error';
import type { ByteTransport } from '../core/transport';
import { SUFFIX_BYTES, SuffixFramer, type SuffixName } from './codec/suffix';
import { decodeScan, isPrintable, type QrEncoding } from './codec/text';

export type QrErrorCode = 'QR_TOO_LONG' | 'QR_UNREADABLE_TEXT' | 'QR_PARTIAL' | 'QR_NOISE';

export interface QrScan {
  text: string;
  at: string;
}

export interface QrReaderEvents {
  scan: [QrScan];
  /** A scan that gave no usable text: the screen says so in plain words, nothing else happens. */
  badScan: [{ code: QrErrorCode; message: string }];
}

export interface QrReaderSettings {
  suffix: SuffixName;
  encoding: QrEncoding;
  maxLength: number;
  partialTimeoutMs: number;
  selfTestSeconds: number;
}

const MESSAGES: Record<QrErrorCode, string> = {
  QR_TOO_LONG: '扫到的内容过长，不是本大厅的二维码',
  QR_UNREADABLE_TEXT: '扫到的内容无法识别，请重新扫码',
  QR_PARTIAL: '没有扫完整，请将二维码对准扫码口稍停片刻',
  QR_NOISE: '扫码器收到干扰信号，请重新扫码',
};

/**
 * The QR-code reader: frames the scanner's output on its suffix, decodes the text (UTF-8 or GB18030), drops
 * half codes after a silence, and emits `scan` or `badScan`. Serial (CDC) and HID keyboard units reach it
 * as byte transports (transport/keyboard-transport.ts), the simulator too.
 */
export class QrReaderDriver extends DeviceDriver {
  readonly name = 'qrReader' as const;
  readonly driver: string;
  readonly scans = new EventEmitter<QrReaderEvents>();
  private readonly framer: SuffixFramer;
  private partialTimer: NodeJS.Timeout | undefined;
  private lastScanAt: string | undefined;
  private waitingForTest: ((scan: QrScan) => void) | undefined;

  constructor(
    private readonly transport: ByteTransport,
    private readonly settings: QrReaderSettings,
    opts: { simulated: boolean; driver: string; reportErrors?: () => number },
  ) {
    super({ simulated: opts.simulated });
    this.driver = opts.driver;
    this.framer = new SuffixFramer(SUFFIX_BYTES[settings.suffix], settings.maxLength);
    this.reportErrors = opts.reportErrors;
  }

  private readonly reportErrors: (() => number) | undefined;

  private readonly onData = (chunk: Buffer) => this.handle(chunk);
  private readonly onClose = (err?: Error) => {
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
    this.dropPartial(false);
    if (err) {
      this.count('CommunicationErrorCount');
      this.recordError('DEVICE_LOST', err.message, 'input');
      this.connectionLost(`扫码器连接断开：${err.message}`);
    }
  };

  protected async connect(): Promise<void> {
    await this.transport.open();
    this.framer.discard();
    this.transport.on('data', this.onData);
    this.transport.on('close', this.onClose);
  }

  protected async disconnect(): Promise<void> {
    clearTimeout(this.partialTimer);
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
    await this.transport.close().catch(() => undefined);
  }

  /** internal and external: the link is open (a scanner answers nothing unasked); interactive: 扫码测试. */
  protected async probe(level: HealthLevel): Promise<{ ok: boolean; text: string }> {
    if (!this.transport.isOpen) return { ok: false, text: '扫码器未连接' };
    if (level !== 'interactive') {
      return { ok: true, text: `扫码器已连接（${this.transport.description}；${this.lastScanAt ? `最近一次扫码 ${this.lastScanAt}` : '尚未扫码'}）` };
    }
    const scan = await new Promise<QrScan | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), this.settings.selfTestSeconds * 1000);
      this.waitingForTest = (s) => {
        clearTimeout(timer);
        resolve(s);
      };
    });
    this.waitingForTest = undefined;
    // The length only: a test code may be a person's booking.
    return scan ? { ok: true, text: `扫码成功（${Array.from(scan.text).length} 个字符）` } : { ok: false, text: `${this.settings.selfTestSeconds} 秒内没有扫到二维码` };
  }

  protected override recheck(): undefined {
    return undefined;
  }

  protected override transportDescription(): string {
    return this.transport.description;
  }

  protected override detail(): Record<string, unknown> {
    const bad = this.reportErrors?.() ?? 0;
    return { suffix: this.settings.suffix, encoding: this.settings.encoding, ...(this.lastScanAt ? { lastScanAt: this.lastScanAt } : {}), ...(bad ? { badReports: bad } : {}) };
  }

  private handle(chunk: Buffer): void {
    for (const frame of this.framer.feed(chunk)) {
      if (!frame.ok) {
        this.bad(frame.code);
        continue;
      }
      let text: string;
      try {
        text = decodeScan(frame.bytes, this.settings.encoding).trim();
      } catch (err) {
        this.bad(isDeviceError(err) ? 'QR_UNREADABLE_TEXT' : 'QR_NOISE');
        continue;
      }
      if (!text || !isPrintable(text)) {
        this.bad('QR_NOISE');
        continue;
      }
      this.count('ScanCount');
      const scan = { text, at: new Date().toISOString() };
      this.lastScanAt = scan.at;
      if (this.waitingForTest) this.waitingForTest(scan);
      else this.scans.emit('scan', scan);
    }
    clearTimeout(this.partialTimer);
    if (this.framer.pending > 0) {
      this.partialTimer = setTimeout(() => this.dropPartial(true), this.settings.partialTimeoutMs);
      this.partialTimer.unref();
    }
  }

  private dropPartial(report: boolean): void {
    clearTimeout(this.partialTimer);
    if (this.framer.discard() > 0 && report) this.bad('QR_PARTIAL');
  }

  private bad(code: QrErrorCode): void {
    this.count('BadScanCount');
    this.recordError(code, MESSAGES[code], 'input');
    this.scans.emit('badScan', { code, message: MESSAGES[code] });
  }
}
