import type { HidDevice } from '../transport/hid-transport';
import type { KeypadModel } from '../codec/models';
import { encodeKeysDown } from '../codec/report';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A simulated keypad unit that sends the input reports a real unit of `model` sends: the production driver
 * decodes these bytes exactly as it would a real unit's. Scripting API for tests and the sim routes:
 * `press`, `bounce`, `sendRaw`; it records the output reports it received (voice prompts).
 */
export class KeypadSimulator implements HidDevice {
  private send: ((report: Buffer) => void) | undefined;
  /** Output reports received from the host, oldest first (bounded). */
  readonly outputs: Buffer[] = [];
  /** Input reports sent, for tests that check the bytes on the wire. */
  readonly sent: Buffer[] = [];
  pressCount = 0;

  constructor(readonly model: KeypadModel) {}

  connect(send: (report: Buffer) => void): void {
    this.send = send;
  }

  disconnect(): void {
    this.send = undefined;
  }

  get connected(): boolean {
    return this.send !== undefined;
  }

  receiveOutput(report: Buffer): void {
    this.outputs.push(Buffer.from(report));
    if (this.outputs.length > 50) this.outputs.shift();
  }

  /** Sends one report as is: fault injection with short, foreign or garbled reports. */
  sendRaw(report: Uint8Array): void {
    if (!this.send) throw Object.assign(new Error('keypad simulator is unplugged'), { code: 'SIM_UNPLUGGED' });
    const copy = Buffer.from(report);
    this.sent.push(copy);
    if (this.sent.length > 200) this.sent.shift();
    this.send(copy);
  }

  /** A person presses `key` and lets go after `holdMs`: key-down report, then all-released report. */
  async press(key: number, holdMs = 40): Promise<void> {
    this.sendRaw(encodeKeysDown(this.model, [key]));
    this.pressCount += 1;
    await sleep(holdMs);
    if (this.send) this.sendRaw(encodeKeysDown(this.model, []));
  }

  /** A worn contact: the key makes and breaks `times` times `gapMs` apart before settling released. */
  async bounce(key: number, times = 3, gapMs = 2): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.sendRaw(encodeKeysDown(this.model, [key]));
      await sleep(gapMs);
      this.sendRaw(encodeKeysDown(this.model, []));
      await sleep(gapMs);
    }
    this.pressCount += 1;
  }
}
