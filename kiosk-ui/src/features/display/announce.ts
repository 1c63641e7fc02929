import { speak } from '@/shared/kiosk';
import type { Call } from './api';

/** What the display shows: «请A001号到3号窗口办理». */
export function callText(call: Pick<Call, 'number' | 'counter'>): string {
  return `请${call.number}号到${call.counter}号窗口办理`;
}

const DIGITS = '零一二三四五六七八九';

/**
 * What the display says: ticket digits one by one (A001 is «A零零一», not «A一»), the counter as a number,
 * and «重呼» first on a recall so people who missed the first call notice.
 */
export function spokenText(call: Pick<Call, 'number' | 'counter' | 'recall'>): string {
  const number = call.number.replace(/\d/g, (d) => DIGITS[Number(d)]!);
  return `${call.recall ? '重呼，' : ''}请${number}号，到${call.counter}号窗口办理`;
}

/** Time one announcement is given before the next starts; calls that come together are said one by one. */
const SPACING_MS = 5000;

/**
 * Says announcements in order, never cutting one off with the next. Uses the shared `speak` (browser zh-CN
 * voice, else the daemon's espeak-ng `/api/voice`).
 */
export class Announcer {
  private readonly pending: string[] = [];
  private busyUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly say: (text: string) => void = speak, private readonly now = () => Date.now()) {}

  announce(call: Pick<Call, 'number' | 'counter' | 'recall'>): void {
    this.pending.push(spokenText(call));
    this.pump();
  }

  private pump(): void {
    if (this.timer || this.pending.length === 0) return;
    const wait = Math.max(0, this.busyUntil - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const text = this.pending.shift();
      if (text) {
        this.say(text);
        this.busyUntil = this.now() + SPACING_MS;
      }
      this.pump();
    }, wait);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.length = 0;
  }
}
