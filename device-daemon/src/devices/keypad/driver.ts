import { EventEmitter } from 'node:events';
import { DeviceDriver, type HealthLevel } from '../core/device';
import type { HidTransport } from './hid-transport';
import type { KeypadModel, KeypadOutputs } from './models';
import { PressDecoder, isReportError } from './report';
import { InvitationWindow, type IgnoredReason } from './invitation-window';

export interface KeypadSettings {
  model: KeypadModel;
  windowSeconds: number;
  debounceMs: number;
  keyLevels: readonly number[];
}

export interface KeypadAnswer {
  invitationId: string;
  key: number;
  level: number;
  at: string;
}

/** What the keypad tells its users (the evaluation service), apart from the device-model events. */
export interface KeypadEvents {
  answer: [KeypadAnswer];
  expired: [{ invitationId: string }];
  ignored: [{ key: number; reason: IgnoredReason }];
}

/**
 * The 好差评 keypad: decodes the model's input reports into key presses, applies the invitation window
 * (one press per invitation, presses outside it or repeated ignored, debounce), and reports answers.
 * The same driver runs a real unit (NodeHidTransport) and the simulator (FakeHidTransport).
 */
export class KeypadDriver extends DeviceDriver {
  readonly name = 'keypad' as const;
  readonly driver: string;
  readonly answers = new EventEmitter<KeypadEvents>();
  private readonly decoder: PressDecoder;
  private readonly window: InvitationWindow;
  private expiry: NodeJS.Timeout | undefined;
  /** Device time (ms) for the window and debounce; injectable for tests. */
  private readonly now: () => number;

  constructor(
    private readonly transport: HidTransport,
    private readonly settings: KeypadSettings,
    opts: { simulated: boolean; driver: string; now?: () => number },
  ) {
    super({ simulated: opts.simulated });
    this.driver = opts.driver;
    this.now = opts.now ?? Date.now;
    this.decoder = new PressDecoder(settings.model);
    this.window = new InvitationWindow({
      windowMs: settings.windowSeconds * 1000,
      debounceMs: settings.debounceMs,
      keyLevels: settings.keyLevels,
    });
  }

  private readonly onReport = (report: Buffer) => this.handleReport(report);
  private readonly onClose = (err?: Error) => {
    this.transport.off('report', this.onReport);
    this.transport.off('close', this.onClose);
    this.decoder.reset();
    if (err) {
      this.count('CommunicationErrorCount');
      this.recordError('DEVICE_LOST', err.message, 'input');
      this.connectionLost(`评价器连接断开：${err.message}`);
    }
  };

  protected async connect(): Promise<void> {
    await this.transport.open();
    this.decoder.reset();
    this.transport.on('report', this.onReport);
    this.transport.on('close', this.onClose);
  }

  protected async disconnect(): Promise<void> {
    clearTimeout(this.expiry);
    this.transport.off('report', this.onReport);
    this.transport.off('close', this.onClose);
    await this.transport.close().catch(() => undefined);
  }

  protected async probe(_level: HealthLevel): Promise<{ ok: boolean; text: string }> {
    return this.transport.isOpen ? { ok: true, text: '评价器已连接' } : { ok: false, text: '评价器未连接' };
  }

  protected override transportDescription(): string {
    return this.transport.description;
  }

  protected override detail(): Record<string, unknown> {
    return { model: this.settings.model.name, windowSeconds: this.settings.windowSeconds, inviting: this.window.openId(this.now()) !== undefined };
  }

  /**
   * Opens an invitation window: the next counted press answers `invitationId`. Resolves with when it ends.
   * Throws `KEYPAD_OFFLINE` when the unit is not connected, so callers fall back to the touch screen.
   */
  async invite(invitationId: string, windowSeconds = this.settings.windowSeconds): Promise<{ expiresAt: string }> {
    if (this.state !== 'idle' && this.state !== 'busy') {
      throw Object.assign(new Error('评价器未连接'), { code: 'KEYPAD_OFFLINE' });
    }
    const { expiresAt } = this.window.open(invitationId, this.now(), windowSeconds * 1000);
    this.count('InvitationCount');
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.expireDue(), windowSeconds * 1000 + 5);
    this.expiry.unref();
    this.setState('busy', '等待评价');
    await this.sendOutput('invite');
    return { expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Closes the window of `invitationId` without an answer (the person rated on screen or left). */
  cancel(invitationId: string): void {
    if (this.window.cancel(invitationId)) {
      clearTimeout(this.expiry);
      void this.sendOutput('idle');
    }
    if (this.state === 'busy') this.setState('idle');
  }

  private expireDue(): void {
    const id = this.window.expire(this.now());
    if (!id) return;
    this.count('ExpiredCount');
    if (this.state === 'busy') this.setState('idle');
    void this.sendOutput('idle');
    this.answers.emit('expired', { invitationId: id });
  }

  private handleReport(report: Buffer): void {
    const decoded = this.decoder.feed(report);
    if (isReportError(decoded)) {
      if (decoded.code === 'ROLL_OVER') return; // a real state of a keyboard, not a fault
      this.count('CommunicationErrorCount');
      this.recordError(decoded.code, `评价器报告无法识别 (${report.toString('hex')})`, 'input');
      return;
    }
    for (const key of decoded.pressed) this.handlePress(key);
  }

  private handlePress(key: number): void {
    const now = this.now();
    const verdict = this.window.press(key, now);
    if (!verdict.counted) {
      if (verdict.reason === 'BOUNCE') return void this.count('BounceCount');
      this.count('KeyPressedCount');
      this.count('KeyIgnoredCount');
      this.answers.emit('ignored', { key, reason: verdict.reason });
      return;
    }
    this.count('KeyPressedCount');
    this.count(`Key${key}PressedCount`);
    this.count('AnsweredCount');
    clearTimeout(this.expiry);
    if (this.state === 'busy') this.setState('idle');
    void this.sendOutput('thanks');
    this.answers.emit('answer', { invitationId: verdict.invitationId, key, level: verdict.level, at: new Date(now).toISOString() });
  }

  /** Voice prompt / lamp output reports are best effort: a unit without them still rates. */
  private async sendOutput(which: keyof KeypadOutputs): Promise<void> {
    const report = this.settings.model.outputs?.[which];
    if (!report || !this.transport.isOpen) return;
    try {
      await this.transport.write(Uint8Array.from(report));
    } catch (err) {
      this.count('CommunicationErrorCount');
      this.recordError('OUTPUT_FAILED', (err as Error).message, 'output');
    }
  }
}
