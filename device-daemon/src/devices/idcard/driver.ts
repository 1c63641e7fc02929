import { EventEmitter } from 'node:events';
import { DeviceDriver, type HealthLevel } from '../core/device';
import type { ByteTransport } from '../core/transport';
import { SerialQueue } from '../core/serial-queue';
import { SamLink } from './sam-link';
import { Command } from './codec/frame';
import { IdCardError, SW3, sw3Error } from './codec/status';
import { pollCycle, ReadStepError, warmReadPath, type CardRead, type ReadCommand } from './card-cycle';
import { formatSamId } from './codec/sam-id';
import type { CommandTimeouts } from './timing';
import { waitForCard } from './technician-check';

/** Events for the identity layer. `card` carries personal data: subscribers keep it in memory only. */
export interface IdReaderEvents {
  card: [CardRead];
  removed: [];
  readError: [IdCardError];
}

export interface IdReaderOptions {
  transport: ByteTransport;
  simulated: boolean;
  driver: string;
  pollIntervalMs: number;
  /** Per-command reply timeouts (timing.ts has the field defaults). */
  timeouts: CommandTimeouts;
  /** Line speed (the wire time of a reply is added to its timeout); a USB link gives its bulk equivalent. */
  baudRate: number;
  /** 30 01 by default; 30 10 for modules that only answer it (fingerprints are dropped at once). */
  readCommand?: ReadCommand;
  /** How long the interactive health check waits for the technician's card. */
  interactiveTimeoutMs?: number;
}

/** Consecutive communication errors after which the reader shows as in error. */
const COMM_ERRORS_FOR_ERROR_STATE = 3;

/**
 * The SAM ID-card reader: polls find -> select -> read, reports each card once per placement, maps SW3 to
 * typed errors, keeps UnifiedPOS statistics and recovers by itself (SAM faults by re-checking status, a
 * vanished port by DeviceDriver's reconnect with backoff).
 */
export class IdReaderDriver extends DeviceDriver {
  readonly name = 'idReader' as const;
  readonly driver: string;
  readonly cards = new EventEmitter<IdReaderEvents>();
  private readonly link: SamLink;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Bumped on every start and stop, so a cycle that outlives a reconnect does not start a second timer chain. */
  private generation = 0;
  private readonly cycle = new SerialQueue();
  private cardInField = false;
  private samFault = false;
  private commErrors = 0;
  private lastErrorCode: string | undefined;
  private samId: string | undefined;
  private lastReadAt: string | undefined;
  private readonly onClose = (err?: Error) => this.transportClosed(err);
  private stopArrivalWatch: (() => void) | undefined;

  constructor(private readonly opts: IdReaderOptions) {
    super({ simulated: opts.simulated });
    this.driver = opts.driver;
    this.link = new SamLink(opts.transport, { timeouts: opts.timeouts, baudRate: opts.baudRate });
    for (const s of ['GoodReadCount', 'FailedReadCount', 'UnreadableCardCount', 'CommunicationErrorCount']) this.statistics[s] = 0;
  }

  protected override async connect(): Promise<void> {
    const t = this.opts.transport;
    this.stopArrivalWatch ??= t.onArrival?.(() => this.reconnectNow());
    await t.open();
    t.on('close', this.onClose);
    this.link.attach();
    try {
      const status = await this.link.exchange(Command.SAM_STATUS);
      if (status.sw3 !== SW3.OK) throw sw3Error(status.sw3);
      const id = await this.link.exchange(Command.SAM_ID);
      if (id.sw3 === SW3.OK) this.samId = formatSamId(id.data);
    } catch (err) {
      await this.release();
      throw err;
    }
    warmReadPath();
    this.samFault = false;
    this.commErrors = 0;
    this.running = true;
    this.generation += 1;
    this.schedule(0);
  }

  protected override async disconnect(): Promise<void> {
    this.stopArrivalWatch?.();
    this.stopArrivalWatch = undefined;
    await this.release();
  }

  private async release(): Promise<void> {
    this.stopPolling();
    this.opts.transport.off('close', this.onClose);
    this.link.detach();
    await this.opts.transport.close().catch(() => undefined);
    this.leaveField();
  }

  private transportClosed(err?: Error): void {
    this.opts.transport.off('close', this.onClose);
    this.stopPolling();
    this.link.detach();
    this.leaveField();
    this.count('CommunicationErrorCount');
    this.recordError('READER_DISCONNECTED', `读卡器连接已断开${err ? `：${err.message}` : ''}`, 'input');
    this.connectionLost('读卡器连接已断开');
  }

  private stopPolling(): void {
    this.running = false;
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay = this.opts.pollIntervalMs): void {
    if (!this.running) return;
    const gen = this.generation;
    this.timer = setTimeout(() => void this.runCycle().finally(() => gen === this.generation && this.schedule()), delay);
  }

  /** One poll, never two at once (the health check shares it). */
  private runCycle(): Promise<string> {
    return this.cycle.run(() => this.poll());
  }

  private async poll(): Promise<string> {
    try {
      if (this.samFault) {
        const status = await this.link.exchange(Command.SAM_STATUS);
        if (status.sw3 !== SW3.OK) throw sw3Error(status.sw3);
        this.samFault = false;
      }
      const outcome = await pollCycle(this.link, this.cardInField, this.opts.readCommand);
      this.commErrors = 0;
      this.lastErrorCode = undefined;
      if (this.state === 'error') this.setState('idle');
      if (outcome.kind === 'removed') this.leaveField();
      if (outcome.kind === 'read') {
        this.cardInField = true;
        this.lastReadAt = new Date().toISOString();
        this.count('GoodReadCount');
        this.cards.emit('card', outcome.read);
        this.statusChanged();
        return `读卡成功（${outcome.read.card.cardType}）`;
      }
      return outcome.kind === 'no-card' ? '读卡器正常，感应区无卡' : '读卡器正常';
    } catch (err) {
      return this.failed(err);
    }
  }

  private failed(raw: unknown): string {
    const duringRead = raw instanceof ReadStepError;
    const err = duringRead ? raw.cause : raw;
    const e = err instanceof IdCardError ? err : new IdCardError('SAM_COMMAND_ERROR', (err as Error).message, 'communication');
    if (e.code === 'READER_DISCONNECTED') return e.message; // the close handler deals with it
    if (e.kind === 'communication') this.count('CommunicationErrorCount');
    if (duringRead) this.count(e.code === 'UNREADABLE_CARD' || e.code === 'WRONG_CARD_TYPE' ? 'UnreadableCardCount' : 'FailedReadCount');
    if (e.kind === 'sam') {
      this.samFault = true;
      this.setState('error', e.message);
    } else if (e.kind === 'communication' && ++this.commErrors >= COMM_ERRORS_FOR_ERROR_STATE) {
      this.setState('error', e.message);
    }
    // One report per streak: a card that keeps failing on every poll is told once, not three times a second.
    if (e.code !== this.lastErrorCode && (duringRead || e.kind !== 'communication' || this.state === 'error')) {
      this.lastErrorCode = e.code;
      this.recordError(e.code, e.message, 'input');
      this.cards.emit('readError', e);
    }
    return e.message;
  }

  private leaveField(): void {
    if (!this.cardInField) return;
    this.cardInField = false;
    this.cards.emit('removed');
    this.statusChanged();
  }

  /** The poll loop asks the reader every pollIntervalMs and clears `error` itself. */
  protected override recheck(): undefined {
    return undefined;
  }

  protected override async probe(level: HealthLevel): Promise<{ ok: boolean; text: string }> {
    if (this.state === 'offline') return { ok: false, text: '读卡器未连接' };
    if (level === 'internal') {
      const status = await this.link.exchange(Command.SAM_STATUS);
      return status.sw3 === SW3.OK ? { ok: true, text: '安全模块自检正常' } : { ok: false, text: sw3Error(status.sw3).message };
    }
    if (level === 'external') {
      const text = await this.runCycle();
      return { ok: this.lastErrorCode === undefined, text };
    }
    return waitForCard(this.cards, this.opts.interactiveTimeoutMs ?? 30_000);
  }

  protected override detail(): Record<string, unknown> {
    return {
      samId: this.samId,
      samFault: this.samFault,
      cardInField: this.cardInField,
      pollIntervalMs: this.opts.pollIntervalMs,
      ...(this.lastReadAt ? { lastReadAt: this.lastReadAt } : {}),
    };
  }

  protected override transportDescription(): string {
    return this.opts.transport.description;
  }
}
