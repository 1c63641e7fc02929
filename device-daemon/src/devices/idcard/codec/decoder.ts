import { HEADER_BYTES, PREAMBLE, xor } from './frame';

/**
 * Largest LEN the decoder accepts. The longest reply is 30 10 (text + photo + fingerprints): 2321 bytes in
 * all; anything much larger is a corrupted length, not a frame worth waiting for.
 */
export const MAX_FRAME_LEN = 4096;

export type DecodeResult =
  /** `body` holds the bytes between LEN and CHK: CMD PARA DATA (commands) or SW1 SW2 SW3 DATA (replies). */
  | { kind: 'frame'; body: Buffer }
  /** A frame was found but is broken; the decoder has resynchronised past its preamble. */
  | { kind: 'error'; code: 'FRAME_CHECKSUM' | 'FRAME_LENGTH'; discarded: number };

/**
 * A streaming frame decoder for both directions of GA 467. Bytes arrive in chunks of any size, possibly
 * preceded by noise: it skips to the next preamble, waits for LEN, checks LEN and CHK, and on a broken
 * frame resynchronises one byte past the preamble it trusted, so a corrupted frame never swallows the
 * good one behind it.
 *
 * Contract: `push` returns complete results in arrival order; bytes of an unfinished frame stay buffered
 * until more arrive or `reset()` drops them (the driver does after a reply timeout).
 */
export class FrameDecoder {
  private buf: Buffer = Buffer.alloc(0);
  /**
   * Chunks of a frame whose length is already known, kept apart until the frame is complete: a 1295-byte
   * reply arriving in a hundred chunks is copied together once, not once per chunk (about 65 KB of copies
   * and allocation per card read otherwise, for the garbage collector to clear on the read path).
   */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Bytes the frame at the start of `buf` needs in all; 0 while unknown. */
  private awaiting = 0;
  /** Noise bytes skipped since the last reset, for diagnostics. */
  skipped = 0;

  push(chunk: Uint8Array): DecodeResult[] {
    if (this.awaiting > 0 && this.buf.length + this.heldBytes + chunk.length < this.awaiting) {
      this.held.push(Buffer.from(chunk));
      this.heldBytes += chunk.length;
      return [];
    }
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, ...this.held, chunk]);
    this.held = [];
    this.heldBytes = 0;
    this.awaiting = 0;
    const out: DecodeResult[] = [];
    for (;;) {
      const start = this.buf.indexOf(PREAMBLE);
      if (start < 0) {
        // Keep a tail that may be the beginning of a preamble split across chunks.
        const keep = partialPreambleTail(this.buf);
        this.skipped += this.buf.length - keep;
        this.buf = this.buf.subarray(this.buf.length - keep);
        return out;
      }
      if (start > 0) {
        this.skipped += start;
        this.buf = this.buf.subarray(start);
      }
      if (this.buf.length < HEADER_BYTES) return out;
      const len = this.buf.readUInt16BE(PREAMBLE.length);
      if (len < 3 || len > MAX_FRAME_LEN) {
        out.push({ kind: 'error', code: 'FRAME_LENGTH', discarded: 1 });
        this.buf = this.buf.subarray(1);
        continue;
      }
      const total = HEADER_BYTES + len;
      if (this.buf.length < total) {
        this.awaiting = total;
        return out;
      }
      const chk = this.buf[total - 1]!;
      if (xor(this.buf, PREAMBLE.length, total - 1) !== chk) {
        out.push({ kind: 'error', code: 'FRAME_CHECKSUM', discarded: 1 });
        this.buf = this.buf.subarray(1);
        continue;
      }
      out.push({ kind: 'frame', body: Buffer.from(this.buf.subarray(HEADER_BYTES, total - 1)) });
      this.buf = this.buf.subarray(total);
    }
  }

  /** Bytes waiting for the rest of a frame. */
  get pending(): number {
    return this.buf.length + this.heldBytes;
  }

  /** How many more bytes must arrive before `push` can return anything: a lower bound, at least 1. */
  get needed(): number {
    if (this.awaiting > 0) return Math.max(1, this.awaiting - this.pending);
    return Math.max(1, HEADER_BYTES - this.buf.length);
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
    this.held = [];
    this.heldBytes = 0;
    this.awaiting = 0;
  }
}

/** Length of the longest suffix of `buf` that is a proper prefix of the preamble. */
function partialPreambleTail(buf: Buffer): number {
  for (let n = Math.min(PREAMBLE.length - 1, buf.length); n > 0; n--) {
    if (buf.subarray(buf.length - n).equals(PREAMBLE.subarray(0, n))) return n;
  }
  return 0;
}

/** A reply frame's parts. */
export interface Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

/** Splits a reply body (SW1 SW2 SW3 DATA); undefined when too short to be a reply. */
export function parseReply(body: Buffer): Reply | undefined {
  if (body.length < 3) return undefined;
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.subarray(3) };
}
