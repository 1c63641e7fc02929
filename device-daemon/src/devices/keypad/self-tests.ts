import { ReplySlot } from '../core/reply-slot';
import { KeyTest, type KeyTestEnd } from './key-test';
import { modelKeys, type KeypadModel, type KeypadOutputs } from './codec/models';

/** What the self-tests need of the driver. */
export interface SelfTestHost {
  readonly model: KeypadModel;
  readonly keyLevels: readonly number[];
  /** Device time in ms (the driver's injectable clock). */
  now(): number;
  statusChanged(): void;
  /** Sends one of the model's output reports; false when the model has none or the unit refused it. */
  sendOutput(which: keyof KeypadOutputs): Promise<boolean>;
}

type Result = { ok: boolean; text: string };

/**
 * The keypad's external and interactive self-tests. While one runs, press edges belong to it, not to the
 * invitation window (a technician's presses are not ratings). Every wait ends by itself: all keys seen,
 * its time up, or `stop()` when the unit goes away or the driver closes.
 */
export class KeypadSelfTests {
  private current: { test: KeyTest; end: ReplySlot<KeyTestEnd>; endsAt: number } | undefined;
  private promptOff: NodeJS.Timeout | undefined;

  constructor(private readonly host: SelfTestHost) {}

  get running(): boolean {
    return this.current !== undefined;
  }

  /** The voice prompt when the model has one (lamp off again after `windowSeconds`), else one press within it. */
  async external(windowSeconds: number): Promise<Result> {
    if (!this.host.model.outputs?.invite) return this.collect('any', windowSeconds);
    if (!(await this.host.sendOutput('invite'))) return { ok: false, text: '语音提示发送失败' };
    clearTimeout(this.promptOff);
    this.promptOff = setTimeout(() => void this.host.sendOutput('idle'), windowSeconds * 1000);
    this.promptOff.unref();
    return { ok: true, text: '已发送语音提示「您好，请您对我的服务做出评价」，请确认评价器已播报' };
  }

  /** 逐键测试: every key within `seconds`. */
  interactive(seconds: number): Promise<Result> {
    return this.collect('all', seconds);
  }

  /** A press edge; true when a test took it. */
  press(key: number): boolean {
    const c = this.current;
    if (!c) return false;
    if (c.test.press(key)) this.host.statusChanged();
    if (c.test.complete) c.end.answer('complete');
    return true;
  }

  /** For the status page while a test runs. */
  progress(): Record<string, unknown> | undefined {
    const c = this.current;
    return c && { ...c.test.progress(), endsAt: new Date(c.endsAt).toISOString() };
  }

  /** The unit went away or the driver closes: a running test ends now, a pending lamp-off is dropped. */
  stop(): void {
    clearTimeout(this.promptOff);
    this.promptOff = undefined;
    this.current?.end.answer('lost');
  }

  private async collect(need: 'all' | 'any', seconds: number): Promise<Result> {
    const test = new KeyTest(modelKeys(this.host.model), this.host.keyLevels, need);
    const end = new ReplySlot<KeyTestEnd>();
    this.current = { test, end, endsAt: this.host.now() + seconds * 1000 };
    this.host.statusChanged();
    try {
      return test.result(await end.wait(seconds * 1000, () => 'timeout'), seconds);
    } finally {
      this.current = undefined;
      this.host.statusChanged();
    }
  }
}
