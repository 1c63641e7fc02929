/**
 * Framing of a 2D scanner's output: each decoded code is sent as its text followed by a configurable suffix
 * (factory default CR on Newland and Honeywell units, CR LF on many Zebra ones, TAB on some). The scanner
 * sends no prefix, length or checksum, so the suffix is the only frame boundary.
 */
export type SuffixName = 'CR' | 'LF' | 'CRLF' | 'TAB';

export const SUFFIX_BYTES: Record<SuffixName, readonly number[]> = {
  CR: [0x0d],
  LF: [0x0a],
  CRLF: [0x0d, 0x0a],
  TAB: [0x09],
};

export type FrameResult = { ok: true; bytes: Buffer } | { ok: false; code: 'QR_TOO_LONG'; length: number };

/**
 * A streaming splitter: feed chunks split anywhere, get whole codes back. Bytes beyond `maxLength` without a
 * suffix are line noise or a code of another system: they are dropped up to the next suffix and reported
 * once. A code left without its suffix (half a code) stays in `pending` until the driver's idle timer drops it.
 */
export class SuffixFramer {
  private buffer: number[] = [];
  private overflow = false;

  constructor(
    private readonly suffix: readonly number[],
    private readonly maxLength: number,
  ) {
    if (suffix.length === 0) throw new RangeError('a scanner suffix has at least one byte');
  }

  get pending(): number {
    return this.buffer.length;
  }

  feed(chunk: Uint8Array): FrameResult[] {
    const out: FrameResult[] = [];
    for (const byte of chunk) {
      this.buffer.push(byte);
      if (this.endsWithSuffix()) {
        const body = this.buffer.slice(0, this.buffer.length - this.suffix.length);
        if (this.overflow) out.push({ ok: false, code: 'QR_TOO_LONG', length: body.length });
        else if (body.length > 0) out.push({ ok: true, bytes: Buffer.from(body) });
        this.buffer = [];
        this.overflow = false;
      } else if (this.buffer.length > this.maxLength + this.suffix.length) {
        // Keep only what could still be the start of a suffix.
        this.overflow = true;
        this.buffer = this.buffer.slice(-this.suffix.length);
      }
    }
    return out;
  }

  /** Drops a half-received code; returns how many bytes it had. */
  discard(): number {
    const n = this.buffer.length;
    this.buffer = [];
    this.overflow = false;
    return n;
  }

  private endsWithSuffix(): boolean {
    const n = this.suffix.length;
    if (this.buffer.length < n) return false;
    for (let i = 0; i < n; i++) if (this.buffer[this.buffer.length - n + i] !== this.suffix[i]) return false;
    return true;
  }
}
