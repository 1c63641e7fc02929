/**
 * A scanner in USB HID keyboard mode ("keyboard wedge") types the code: one boot keyboard input report per
 * key state (HID 1.11 appendix B.1: modifiers, reserved, six usages; usage tables §10), key down then all up.
 * This turns the reports into the characters a US keyboard layout gives, shift applied, and the suffix key
 * (Enter or Tab) into its control character, so the same suffix framing follows. Only printable ASCII can be
 * typed this way; scanners send Chinese in serial (CDC) mode.
 */
const SHIFT = 0x02 | 0x20; // left and right shift
const LETTER_A = 0x04;
const LETTER_Z = 0x1d;
const DIGIT_1 = 0x1e;

const PLAIN: Record<number, string> = {
  0x27: '0', 0x28: '\r', 0x2b: '\t', 0x2c: ' ', 0x2d: '-', 0x2e: '=', 0x2f: '[', 0x30: ']', 0x31: '\\', 0x33: ';',
  0x34: "'", 0x35: '`', 0x36: ',', 0x37: '.', 0x38: '/', 0x58: '\r',
};
const SHIFTED: Record<number, string> = {
  0x1e: '!', 0x1f: '@', 0x20: '#', 0x21: '$', 0x22: '%', 0x23: '^', 0x24: '&', 0x25: '*', 0x26: '(', 0x27: ')',
  0x2d: '_', 0x2e: '+', 0x2f: '{', 0x30: '}', 0x31: '|', 0x33: ':', 0x34: '"', 0x35: '~', 0x36: '<', 0x37: '>', 0x38: '?',
};

export const BOOT_REPORT_LENGTH = 8;
/** All six slots ErrorRollOver: too many keys, state unknown. */
const ROLL_OVER = 0x01;

/** The character one usage gives with or without shift; undefined for keys that type nothing. */
export function usageToChar(usage: number, shift: boolean): string | undefined {
  if (usage >= LETTER_A && usage <= LETTER_Z) {
    const c = String.fromCharCode(0x61 + usage - LETTER_A);
    return shift ? c.toUpperCase() : c;
  }
  if (shift && SHIFTED[usage] !== undefined) return SHIFTED[usage];
  if (usage >= DIGIT_1 && usage < DIGIT_1 + 9) return String(usage - DIGIT_1 + 1);
  return PLAIN[usage];
}

/** The usage and shift that type `char` (simulator, tests); undefined when a US keyboard cannot type it. */
export function charToUsage(char: string): { usage: number; shift: boolean } | undefined {
  for (let usage = 0x04; usage <= 0x38; usage++) {
    if (usageToChar(usage, false) === char) return { usage, shift: false };
    if (usageToChar(usage, true) === char) return { usage, shift: true };
  }
  return undefined;
}

export type KeyboardResult = { text: string; errors: number };

/**
 * Streaming decoder: a character is typed on the edge of its key going down (a usage present now and not
 * in the previous report), so a key held across two reports types once. Malformed reports count as errors.
 */
export class KeyboardDecoder {
  private held = new Set<number>();

  feed(report: Uint8Array, reportId?: number): KeyboardResult {
    let r = report;
    if (reportId !== undefined) {
      if (r[0] !== reportId) return { text: '', errors: 1 };
      r = r.subarray(1);
    }
    if (r.length < BOOT_REPORT_LENGTH) return { text: '', errors: 1 };
    const slots = [...r.subarray(2, BOOT_REPORT_LENGTH)];
    if (slots.every((u) => u === ROLL_OVER)) return { text: '', errors: 0 };
    const shift = (r[0]! & SHIFT) !== 0;
    const now = new Set(slots.filter((u) => u !== 0));
    let text = '';
    for (const usage of slots) {
      if (usage === 0 || this.held.has(usage)) continue;
      text += usageToChar(usage, shift) ?? '';
    }
    this.held = now;
    return { text, errors: 0 };
  }

  reset(): void {
    this.held.clear();
  }
}

/** The reports a scanner sends to type `text`: for each character, key down (with shift if needed), all up. */
export function encodeTyping(text: string): Buffer[] {
  const reports: Buffer[] = [];
  for (const ch of text) {
    const key = charToUsage(ch);
    if (!key) throw new RangeError(`a keyboard-mode scanner cannot type ${JSON.stringify(ch)}`);
    reports.push(Buffer.from([key.shift ? 0x02 : 0, 0, key.usage, 0, 0, 0, 0, 0]), Buffer.alloc(BOOT_REPORT_LENGTH));
  }
  return reports;
}
