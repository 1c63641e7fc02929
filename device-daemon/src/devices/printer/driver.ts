import { DeviceDriver, type HealthLevel } from '../core/device';
import type { ByteTransport } from '../core/transport';
import { SerialQueue } from '../core/serial-queue';
import type { PrintDocument } from './codec/document';
import { encodeDocument } from './codec/encoder';
import { ASB_MASK, gsAsb } from './codec/commands';
import type { PrinterStatus } from './codec/status';
import type { Rasteriser } from './codec/raster';
import { sharpRasteriser } from './raster-render';
import { StatusExchange, readStatus } from './transport/status-exchange';
import { writeWithDeadline } from './transport/write-deadline';
import { NOT_READY_MESSAGES, notReadyReason, printFailed, printerNotReady, type StatusReading } from './readiness';
import { confirmPage, selfTestPage } from './health-pages';
import { PrinterStatusTracker } from './status-tracker';

export interface EscPosPrinterOptions {
  driver: 'simulated' | 'escpos-serial' | 'escpos-device';
  transport: ByteTransport;
  statusIntervalMs: number;
  statusTimeoutMs: number;
  writeTimeoutMs: number;
  statusReplies: 'required' | 'optional';
  /** How long a reading that found the printer ready stands in for asking again before a ticket (0: always ask). */
  statusFreshMs?: number;
  cut: 'full' | 'partial';
  /** Serial line speed, for the wire-time part of the print timeout; undefined for USB. */
  baudRate?: number;
  timeZone: string;
  rasterise?: Rasteriser;
  now?: () => Date;
}

/** A device that stayed silent this many times in a row is asked with a short timeout before prints. */
const SILENT_AFTER = 3;
const SILENT_TIMEOUT_MS = 150;

/**
 * A ready reading this young stands for the pre-print check (it is the ticket's own readiness check): a change
 * since is caught by the post-print reading, so the pre-print check only keeps bytes from a printer already
 * known to be faulty, which could print them late, after the paper is changed.
 */
const PRE_PRINT_REUSE_MS = 1000;

/** GS a n the driver sends at connect: a push on every online/offline, error and roll-paper change. */
const ASB_ENABLE = gsAsb(ASB_MASK.onlineOffline | ASB_MASK.error | ASB_MASK.rollPaper);

/**
 * The ESC/POS ticket printer: asks DLE EOT every `statusIntervalMs` and after every print, reports paper,
 * cover and link as states and events, prints one document at a time, and tells a print that did not
 * complete by the status it reads after the bytes went out.
 *
 * Status exchanges per printed ticket: the post-print reading is the one a ticket always pays, because it is
 * what `printed: true` rests on (the printer reported no fault after the bytes went out). `readyToPrint()`
 * asks before the number is taken, which is what "no number used when the printer cannot print" rests on;
 * the print reuses that reading. With `statusFreshMs` > 0 a ready reading younger than it (the previous
 * ticket's post-print reading, a poll) answers `readyToPrint()` too, and tickets in a row cost one exchange
 * each, at the price of that window (a fault arising in it is caught after the number, by the print).
 * A fault, silence or a closed link is never reused: the next check asks.
 *
 * Automatic status back (GS a, sent at connect): a printer that answers it with its first pushed status
 * tells every paper, cover and fault change unasked, so the check before the number reads the pushed status
 * (no exchange) and a ticket costs one DLE EOT reading, the one after its print. Silence or a closed link
 * forgets the pushed status (a printer switched off forgets GS a too) until the printer pushes again; a
 * printer that never pushes is asked as above.
 */
export class EscPosPrinter extends DeviceDriver {
  readonly name = 'printer' as const;
  readonly driver: string;
  private readonly transport: ByteTransport;
  private readonly exchange: StatusExchange;
  private readonly tracker: PrinterStatusTracker;
  private poll: NodeJS.Timeout | undefined;
  private readonly queue = new SerialQueue();
  private printing = false;
  private initial: Promise<unknown> | undefined;
  private silentCount = 0;
  /** The last reading that found the printer ready, and when (ms): what `readyToPrint()` may reuse. */
  private fresh: { reading: StatusReading; at: number } | undefined;
  /** The printer's status as automatic status back keeps it (later DLE EOT readings included); undefined: not pushing. */
  private pushed: PrinterStatus | undefined;
  /** GS a was sent since the link opened or the printer last fell silent. */
  private asbSent = false;
  private readonly onData = (chunk: Buffer) => this.exchange.onData(chunk);
  private readonly onClose = (err?: Error) => this.transportClosed(err);

  constructor(private readonly opts: EscPosPrinterOptions) {
    super({ simulated: opts.driver === 'simulated' });
    this.driver = opts.driver;
    this.transport = opts.transport;
    this.exchange = new StatusExchange(opts.transport, (status) => this.statusPushed(status));
    this.tracker = new PrinterStatusTracker((name) => this.count(name));
  }

  protected override transportDescription(): string {
    return this.transport.description;
  }

  protected override detail(): Record<string, unknown> {
    return this.tracker.detail();
  }

  override async open(): Promise<void> {
    await super.open();
    await this.initial?.catch(() => undefined);
  }

  protected async connect(): Promise<void> {
    await this.transport.open();
    this.transport.on('data', this.onData);
    this.transport.on('close', this.onClose);
    clearInterval(this.poll);
    this.poll = setInterval(() => void this.pollOnce(), this.opts.statusIntervalMs);
    this.poll.unref();
    this.enableAsb();
    // After connect() resolves the base class marks the device idle; the first status then corrects it.
    this.initial = new Promise((r) => setImmediate(r)).then(() => this.refresh()).catch(() => undefined);
  }

  protected async disconnect(): Promise<void> {
    clearInterval(this.poll);
    this.poll = undefined;
    this.detach();
    await this.transport.close();
    this.exchange.abort();
  }

  /** Sends GS a; the printer answers with its first pushed status (or, without ASB, ignores it). */
  private enableAsb(): void {
    this.asbSent = true;
    this.transport.write(Buffer.from(ASB_ENABLE)).catch(() => undefined);
  }

  /** A pushed ASB frame: the same bookkeeping as a DLE EOT reading, without asking. */
  private statusPushed(status: PrinterStatus): void {
    this.pushed = status;
    const reading: StatusReading = { answered: true, status };
    this.fresh = notReadyReason(reading, false) ? undefined : { reading, at: Date.now() };
    if (this.tracker.update(reading)) this.statusChanged();
    if (!this.printing) this.settleState(reading);
  }

  private detach(): void {
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
  }

  private transportClosed(err?: Error): void {
    clearInterval(this.poll);
    this.poll = undefined;
    this.detach();
    this.exchange.abort();
    this.fresh = undefined;
    this.forgetPushed();
    this.count('CommunicationErrorCount');
    this.recordError('PRINTER_DISCONNECTED', err?.message ?? 'printer connection closed', 'output');
    this.tracker.lost();
    this.connectionLost(NOT_READY_MESSAGES.OFFLINE);
  }

  private async pollOnce(): Promise<void> {
    if (this.printing || !this.transport.isOpen) return;
    await this.refresh().catch(() => undefined);
  }

  /** Asks DLE EOT now and updates state and detail. */
  private async refresh(short = false): Promise<StatusReading> {
    if (!this.transport.isOpen) return { answered: false };
    const quiet = short && this.opts.statusReplies === 'optional' && this.silentCount >= SILENT_AFTER;
    let reading: StatusReading;
    try {
      reading = await readStatus(this.exchange, quiet ? SILENT_TIMEOUT_MS : this.opts.statusTimeoutMs);
    } catch {
      reading = { answered: false }; // the request could not be written: the link is going away
    }
    if (!this.transport.isOpen) return { answered: false }; // closed while asking: transportClosed() reported it
    this.silentCount = reading.answered ? 0 : this.silentCount + 1;
    if (!reading.answered) this.forgetPushed();
    else if (this.pushed) this.pushed = reading.status; // newer than the last push
    else if (!this.asbSent) this.enableAsb(); // answering again after silence: a printer switched on again
    // Only an answer that found the printer ready is kept: a fault or silence is asked again next time.
    const ready = reading.answered && !notReadyReason(reading, false);
    this.fresh = ready ? { reading, at: Date.now() } : undefined;
    if (!reading.answered && this.opts.statusReplies === 'required') this.count('CommunicationErrorCount');
    if (this.tracker.update(reading)) this.statusChanged();
    if (!this.printing) this.settleState(reading);
    return reading;
  }

  private forgetPushed(): void {
    this.pushed = undefined;
    this.asbSent = false;
  }

  /** The pushed status as a reading while the printer pushes, else the kept or a new reading. */
  private beforePrint(maxAgeMs: number): Promise<StatusReading> {
    if (this.pushed) return Promise.resolve({ answered: true, status: this.pushed });
    return this.reading(maxAgeMs);
  }

  private settleState(reading: StatusReading): void {
    const reason = notReadyReason(reading, this.opts.statusReplies === 'required');
    if (!reason) this.setState('idle');
    else this.setState(reason === 'OFFLINE' ? 'offline' : 'error', NOT_READY_MESSAGES[reason]);
  }

  /** Asks the printer now; throws 503 PRINTER_NOT_READY with `{ reason, message }` when it cannot print. */
  async ensureReady(): Promise<void> {
    if (!this.transport.isOpen || this.state === 'closed') throw printerNotReady('OFFLINE');
    const reason = notReadyReason(await this.refresh(true), this.opts.statusReplies === 'required');
    if (reason) throw printerNotReady(reason);
  }

  /**
   * Ready for a ticket per the pushed status (automatic status back) or a ready reading younger than
   * `statusFreshMs`, else asks DLE EOT now;
   * throws 503 PRINTER_NOT_READY with `{ reason, message }` like `ensureReady()`.
   */
  async readyToPrint(): Promise<void> {
    if (!this.transport.isOpen || this.state === 'closed') throw printerNotReady('OFFLINE');
    const reason = notReadyReason(await this.beforePrint(this.opts.statusFreshMs ?? 0), this.opts.statusReplies === 'required');
    if (reason) throw printerNotReady(reason);
  }

  /** The kept ready reading while younger than `maxAgeMs`, else a new one. */
  private async reading(maxAgeMs: number): Promise<StatusReading> {
    const fresh = this.fresh;
    if (fresh && Date.now() - fresh.at < maxAgeMs) return fresh.reading;
    return this.refresh(true);
  }

  /** Prints after the ones already queued; rejects with PRINTER_* when the print did not complete. */
  print(doc: PrintDocument): Promise<void> {
    return this.queue.run(() => this.printNow(doc));
  }

  private async printNow(doc: PrintDocument): Promise<void> {
    if (!this.transport.isOpen || this.state === 'closed') throw printFailed('OFFLINE');
    this.printing = true;
    this.setState('busy');
    let last: StatusReading = { answered: false };
    try {
      last = await this.beforePrint(Math.max(PRE_PRINT_REUSE_MS, this.opts.statusFreshMs ?? 0));
      const before = notReadyReason(last, this.opts.statusReplies === 'required');
      if (before) throw printFailed(before);
      const encoded = await encodeDocument(doc, { rasterise: this.opts.rasterise ?? sharpRasteriser, cut: this.opts.cut });
      await writeWithDeadline(this.transport, encoded.bytes, this.opts.baudRate, this.opts.writeTimeoutMs).catch((err) => {
        this.count('CommunicationErrorCount');
        throw err;
      });
      last = await this.refresh(true);
      const after = notReadyReason(last, false);
      if (after || (!last.answered && this.opts.statusReplies === 'required')) {
        this.count('FailedPaperCutCount', encoded.cuts);
        this.recordError(after ? `PRINT_${after}` : 'PRINT_UNCONFIRMED', `${doc.purpose} not completed`, 'output');
        throw after ? printFailed(after) : printFailed('TIMEOUT');
      }
      this.count('ReceiptPrintedCount');
      this.count('ReceiptLinePrintedCount', encoded.lines);
      this.count('PaperCutCount', encoded.cuts);
    } finally {
      this.printing = false;
      if (this.transport.isOpen) this.settleState(last);
    }
  }

  /** The status poll asks DLE EOT periodically and settles `error` itself (paper loaded, cover shut). */
  protected override recheck(): undefined {
    return undefined;
  }

  protected async probe(level: HealthLevel): Promise<{ ok: boolean; text: string }> {
    const now = (this.opts.now ?? (() => new Date()))();
    if (level === 'internal') {
      const reading = await this.refresh();
      const reason = notReadyReason(reading, this.opts.statusReplies === 'required');
      if (reason) return { ok: false, text: NOT_READY_MESSAGES[reason] };
      if (!reading.answered) return { ok: true, text: '打印机未返回状态（状态未知），可以打印' };
      return { ok: true, text: reading.status.paperNearEnd ? '打印机正常，纸将用尽' : '打印机正常' };
    }
    if (level === 'external') {
      await this.print(selfTestPage(now, this.opts.timeZone, this.transport.description));
      return { ok: true, text: '已打印自检页' };
    }
    await this.print(confirmPage(now, this.opts.timeZone));
    return { ok: true, text: '已打印检查确认页，请工作人员核对后记录' };
  }
}

export type PrinterDriver = EscPosPrinter;
