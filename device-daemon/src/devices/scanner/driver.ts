import { finished } from 'node:stream/promises';
import { DeviceDriver, type HealthLevel } from '../core/device';
import { transportError } from '../core/transport';
import { deviceListed, findListed, listArgs, parseDeviceList, scanArgs, type ListedDevice, type ScanOptions, type SourceNames } from './codec/args';
import { ProgressParser } from './codec/progress';
import { PERSON_CLEARABLE, ScannerError, exitToError, reportedStatus } from './codec/status';
import { collect, type ScanTransport } from './transport/scan-transport';
import { decodePnm, type RawImage } from './codec/pnm';
import { PnmAssembler, readPnm } from './codec/pnm-assembler';

export interface ScannedPage extends RawImage {
  /** The options the page was scanned with (resolution gives its physical size). */
  options: ScanOptions;
  /** Size of the PNM scanimage delivered. */
  bytes: number;
}

export interface ScanCallbacks {
  /** Percent 0..100 as scanimage reports it; called often, callers throttle. */
  onProgress?: (percent: number) => void;
  /**
   * Where the page's bytes go, asked once with the image's size: a buffer the caller reuses page after page
   * (the returned page's `data` then lies in it). A new buffer when absent.
   */
  allocate?: (bytes: number) => Buffer;
}

/** A transport that can show the desk live (the 高拍仪). */
export interface PreviewSource {
  preview(width?: number): Promise<Buffer>;
}

export interface ScannerDriverOptions {
  driver: 'sane' | 'simulated' | 'camera';
  simulated: boolean;
  transport: ScanTransport;
  device: string;
  sources: SourceNames;
  /** A scan that has not ended after this long is stopped and reported as SCANNER_TIMEOUT. */
  timeoutMs: number;
}

/** How long scanimage may take to exit after it reported a failed read before it is stopped. */
const REPORTED_GRACE_MS = 1500;
/** Message lines of one run kept for its outcome (the reason of a failure is among the last). */
const MAX_MESSAGE_LINES = 200;

/** A tiny page for external health checks: 2 x 2 cm at 50 dpi. */
const HEALTH_PAGE: ScanOptions = { resolution: 50, mode: 'gray', source: 'flatbed', area: { left: 0, top: 0, width: 20, height: 20 } };

/**
 * A SANE scanner driven through `scanimage`: one page per run, PNM on stdout, progress on stderr.
 * `open()` checks that the device is listed (offline and retried otherwise). A scan makes the device busy;
 * a fault a person can clear (jam, open cover) leaves it in `error` until a quiet re-check (a tiny page,
 * every few seconds, see recheck) or the next scan succeeds: nothing here needs a restart to recover.
 */
export class ScannerDriver extends DeviceDriver {
  readonly name = 'scanner' as const;
  readonly driver: 'sane' | 'simulated' | 'camera';
  private readonly opts: ScannerDriverOptions;
  private active: { kill(): void; cancelled: boolean } | undefined;
  private progress: number | undefined;
  private listed: ListedDevice | undefined;
  /** The quiet fault re-check running now, if any. */
  private quietCheck: Promise<boolean> | undefined;

  constructor(opts: ScannerDriverOptions) {
    super({ simulated: opts.simulated });
    this.driver = opts.driver;
    this.opts = opts;
  }

  get scanning(): boolean {
    return this.active !== undefined;
  }

  /** Every SANE device the transport can see (`scanimage -L` with this driver's environment). */
  async listDevices(): Promise<ListedDevice[]> {
    const proc = this.opts.transport.run(listArgs());
    const [out, err, exit] = await Promise.all([collect(proc.stdout), collect(proc.stderr), proc.exit]);
    const error = exitToError(exit, err.toString('utf8'));
    if (error) throw error;
    return parseDeviceList(out.toString('utf8'));
  }

  protected async connect(): Promise<void> {
    const listed = findListed(this.opts.device, await this.listDevices());
    if (!listed) throw transportError('ENOENT', `扫描仪 ${this.opts.device} 未连接（scanimage -L 未列出）`);
    this.listed = listed;
  }

  protected async disconnect(): Promise<void> {
    this.cancel();
  }

  protected async probe(level: HealthLevel): Promise<{ ok: boolean; text: string }> {
    if (level === 'internal') {
      const found = deviceListed(this.opts.device, await this.listDevices());
      return { ok: found, text: found ? `扫描仪 ${this.opts.device} 已连接` : `未找到扫描仪 ${this.opts.device}` };
    }
    const page = await this.scan(HEALTH_PAGE);
    return { ok: true, text: `测试扫描成功（${page.width}×${page.height} 像素）` };
  }

  /**
   * SANE tells a jam or an open cover only when a read fails, so the re-check scans HEALTH_PAGE from the flatbed
   * (2 x 2 cm at 50 dpi), straight through the transport: no state, statistics or recent error for it.
   */
  protected override async recheck(): Promise<boolean> {
    if (this.active || this.quietCheck) return false;
    const proc = this.opts.transport.run(scanArgs(this.opts.device, HEALTH_PAGE, this.opts.sources));
    // One scanimage at a time on the device: a scan asked for meanwhile waits for this one (see scan()).
    this.quietCheck = Promise.all([collect(proc.stdout), collect(proc.stderr), proc.exit])
      .then(([, err, exit]) => exitToError(exit, err.toString('utf8')) === undefined)
      .finally(() => (this.quietCheck = undefined));
    return this.quietCheck;
  }

  protected override detail(): Record<string, unknown> {
    return {
      device: this.opts.device,
      ...(this.listed ? { model: `${this.listed.vendor} ${this.listed.model}` } : {}),
      scanning: this.scanning,
      ...(this.progress !== undefined ? { progress: this.progress } : {}),
    };
  }

  protected override transportDescription(): string {
    return this.opts.transport.description;
  }

  /** Whether the device shows the desk live (a document camera does, a flatbed does not). */
  get canPreview(): boolean {
    return 'preview' in this.opts.transport;
  }

  /**
   * One JPEG of the desk for the live preview while the person places the page. Not while a scan runs (the
   * camera is one device); rejects with SCANNER_BUSY then, SCANNER_IO_ERROR when it cannot be read.
   */
  async preview(width?: number): Promise<Buffer> {
    if (!this.canPreview) throw new ScannerError('SCANNER_IO_ERROR', 'this scanner has no live preview');
    if (this.active || this.quietCheck) throw new ScannerError('SCANNER_BUSY');
    try {
      return await (this.opts.transport as ScanTransport & PreviewSource).preview(width);
    } catch (err) {
      throw new ScannerError('SCANNER_IO_ERROR', (err as Error).message);
    }
  }

  /** Stops the scan in progress, if any; its `scan()` rejects with SCANNER_CANCELLED. */
  cancel(): void {
    if (!this.active) return;
    this.active.cancelled = true;
    this.active.kill();
  }

  /** Scans one page. Rejects with a ScannerError; only one scan runs at a time (SCANNER_BUSY). */
  async scan(options: ScanOptions, callbacks: ScanCallbacks = {}): Promise<ScannedPage> {
    if (this.state === 'closed') throw new ScannerError('SCANNER_MISSING', 'driver closed');
    if (this.quietCheck) await this.quietCheck.catch(() => false);
    if (this.active) throw new ScannerError('SCANNER_BUSY');
    const args = scanArgs(this.opts.device, options, this.opts.sources);
    // The image into a file where the transport can (no pipe through the event loop, see child-transport.ts).
    const proc = this.opts.transport.run(args, { toFile: true });
    const run = { kill: () => proc.kill(), cancelled: false, timedOut: false };
    this.active = run;
    this.progress = 0;
    const before = this.state;
    this.setState('busy', '正在扫描');
    const timer = setTimeout(() => {
      run.timedOut = true;
      proc.kill();
    }, this.opts.timeoutMs);
    let grace: NodeJS.Timeout | undefined;
    try {
      const parser = new ProgressParser();
      const messages: string[] = [];
      proc.stderr.setEncoding('utf8');
      proc.stderr.on('data', (chunk: string) => {
        const update = parser.push(chunk);
        messages.push(...update.lines);
        if (messages.length > MAX_MESSAGE_LINES) messages.splice(0, messages.length - MAX_MESSAGE_LINES);
        // The outcome is known once a failed read is reported; a scanimage that then hangs is stopped.
        if (!grace && update.lines.length && reportedStatus(update.lines.join('\n')) !== undefined) {
          grace = setTimeout(() => proc.kill(), REPORTED_GRACE_MS);
        }
        for (const p of update.percents) {
          this.progress = p;
          callbacks.onProgress?.(p);
        }
      });
      const pnm = new PnmAssembler(callbacks.allocate);
      proc.stdout.on('data', (chunk: Buffer) => pnm.push(chunk));
      const [, exit] = await Promise.all([finished(proc.stdout), proc.exit]);
      messages.push(...parser.end().lines);
      let error = exitToError(exit, messages.join('\n'));
      if (run.timedOut && reportedStatus(messages.join('\n')) === undefined) error = new ScannerError('SCANNER_TIMEOUT', `no result after ${this.opts.timeoutMs} ms`);
      else if (run.cancelled) error = new ScannerError('SCANNER_CANCELLED');
      if (error) throw error;
      const output = proc.output;
      const image = output ? await readPnm(await output.size(), output.read, callbacks.allocate) : pnm.end();
      let raw: RawImage;
      try {
        raw = decodePnm(image);
      } catch (err) {
        throw new ScannerError('SCANNER_IO_ERROR', (err as Error).message);
      }
      this.count('GoodScanCount');
      this.count('ScannedPixelCount', raw.width * raw.height);
      this.active = undefined;
      this.setState('idle');
      return { ...raw, options, bytes: image.length };
    } catch (err) {
      this.active = undefined;
      const error = err instanceof ScannerError ? err : new ScannerError('SCANNER_IO_ERROR', (err as Error).message);
      this.failed(error, before);
      throw error;
    } finally {
      clearTimeout(timer);
      clearTimeout(grace);
      this.progress = undefined;
      await proc.output?.close();
    }
  }

  private failed(err: ScannerError, before: string): void {
    this.count('FailedScanCount');
    const counter = STATISTIC[err.code];
    if (counter) this.count(counter);
    if (err.code !== 'SCANNER_CANCELLED') this.recordError(err.code, err.reason || err.message, 'input');
    if (err.code === 'SCANNER_MISSING') this.connectionLost(err.message);
    else if (PERSON_CLEARABLE.has(err.code)) this.setState('error', err.message);
    else this.setState(before === 'error' ? 'error' : 'idle');
  }
}

/** Statistics counted per failure kind, in UnifiedPOS style. */
const STATISTIC: Partial<Record<ScannerError['code'], string>> = {
  SCANNER_JAMMED: 'JamCount',
  SCANNER_NO_DOCUMENTS: 'NoDocumentCount',
  SCANNER_COVER_OPEN: 'CoverOpenCount',
  SCANNER_TIMEOUT: 'TimeoutCount',
  SCANNER_MISSING: 'CommunicationErrorCount',
  SCANNER_IO_ERROR: 'CommunicationErrorCount',
};
