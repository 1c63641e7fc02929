import { EventEmitter } from 'node:events';
import { DeviceDriver, type HealthLevel } from '../core/device';
import { DeviceError } from '../core/device-error';
import type { HidTransport } from './transport/hid-transport';
import { modelKeys, type KeypadOutputs } from './codec/models';
import type { KeypadErrorCode, KeypadEvents, KeypadSettings } from './types';
import { PressDecoder, isReportError } from './codec/report';
import { InvitationWindow } from './invitation-window';
import { KeypadSelfTests } from './self-tests';

/** Presses of the help key closer than this are one call (a person pressing again while waiting). */
const HELP_REPEAT_MS = 1000;

export type { KeypadAnswer, KeypadErrorCode, KeypadEvents, KeypadSettings } from './types';

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
  private readonly selfTests: KeypadSelfTests;
  private lastReportAt: number | undefined;
  private lastHelpAt = -Infinity;
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
    this.selfTests = new KeypadSelfTests({
      model: settings.model,
      keyLevels: settings.keyLevels,
      now: this.now,
      statusChanged: () => this.statusChanged(),
      sendOutput: (which) => this.sendOutput(which),
    });
  }

  private readonly onReport = (report: Buffer) => this.handleReport(report);
  private readonly onClose = (err?: Error) => {
    this.transport.off('report', this.onReport);
    this.transport.off('close', this.onClose);
    this.decoder.reset();
    this.selfTests.stop();
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
    this.selfTests.stop();
    this.transport.off('report', this.onReport);
    this.transport.off('close', this.onClose);
    await this.transport.close().catch(() => undefined);
  }

  /**
   * internal: connected and still attached (no output, no press needed); external: the model's voice prompt,
   * or for a model without one an invitation cycle one press answers; interactive: 逐键测试 (self-tests.ts).
   */
  protected async probe(level: HealthLevel): Promise<{ ok: boolean; text: string }> {
    if (!this.transport.isOpen) return { ok: false, text: '评价器未连接' };
    const model = this.settings.model;
    if (level === 'internal') {
      if (!(await this.transport.present())) return { ok: false, text: '评价器已不在总线上（可能已拔出）' };
      const last = this.lastReportAt === undefined ? '尚未收到按键' : `最近一次按键报告 ${new Date(this.lastReportAt).toISOString()}`;
      return { ok: true, text: `评价器已连接（${model.name}，${modelKeys(model).length} 键；${last}）` };
    }
    if (this.window.openId(this.now()) !== undefined) return { ok: false, text: '正在等待群众评价，请稍后再做此项自检' };
    if (this.selfTests.running) return { ok: false, text: '评价器自检正在进行' };
    if (level === 'external') return this.selfTests.external(this.settings.windowSeconds);
    return this.selfTests.interactive(this.settings.keyTestSeconds);
  }

  protected override transportDescription(): string {
    return this.transport.description;
  }

  protected override detail(): Record<string, unknown> {
    const keyTest = this.selfTests.progress();
    return {
      model: this.settings.model.name,
      windowSeconds: this.settings.windowSeconds,
      inviting: this.window.openId(this.now()) !== undefined,
      ...(this.lastReportAt !== undefined ? { lastReportAt: new Date(this.lastReportAt).toISOString() } : {}),
      ...(keyTest ? { keyTest } : {}),
    };
  }

  /**
   * Opens an invitation window: the next counted press answers `invitationId`. Resolves with when it ends.
   * Throws `KEYPAD_OFFLINE` when the unit is not connected, so callers fall back to the touch screen.
   */
  async invite(invitationId: string, windowSeconds = this.settings.windowSeconds): Promise<{ expiresAt: string }> {
    if (this.state !== 'idle' && this.state !== 'busy') {
      throw new DeviceError<KeypadErrorCode>('keypad', 'KEYPAD_OFFLINE', '评价器未连接');
    }
    if (this.selfTests.running) throw new DeviceError<KeypadErrorCode>('keypad', 'KEYPAD_SELF_TEST', '评价器正在自检');
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
    this.lastReportAt = this.now();
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
    if (this.selfTests.press(key)) {
      this.count('KeyPressedCount');
      return void this.count(`Key${key}PressedCount`);
    }
    const now = this.now();
    if (key === this.settings.model.helpKey) return this.helpPressed(key, now);
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

  /** «呼叫帮办»: outside the invitation window and its levels; a bounce or a second press at once is one call. */
  private helpPressed(key: number, now: number): void {
    if (now - this.lastHelpAt < Math.max(this.settings.debounceMs, HELP_REPEAT_MS)) return void this.count('BounceCount');
    this.lastHelpAt = now;
    this.count('KeyPressedCount');
    this.count('HelpPressedCount');
    this.answers.emit('help', { key, at: new Date(now).toISOString() });
  }

  /** Voice prompt / lamp output reports are best effort: a unit without them still rates. False when not sent. */
  private async sendOutput(which: keyof KeypadOutputs): Promise<boolean> {
    const report = this.settings.model.outputs?.[which];
    if (!report || !this.transport.isOpen) return false;
    try {
      await this.transport.write(Uint8Array.from(report));
      return true;
    } catch (err) {
      this.count('CommunicationErrorCount');
      this.recordError('OUTPUT_FAILED', (err as Error).message, 'output');
      return false;
    }
  }
}
