/**
 * GA 467 frames between host and SAM module (docs/PROTOCOLS.md §1).
 *
 *   host -> SAM: PREAMBLE · LEN1 LEN2 · CMD · PARA · DATA... · CHK
 *   SAM -> host: PREAMBLE · LEN1 LEN2 · SW1 SW2 SW3 · DATA... · CHK
 *
 * LEN (big-endian) counts every byte after itself, CHK included. CHK is the XOR of every byte after the
 * preamble up to CHK, so LEN1 and LEN2 are part of it.
 */

/** Frame start in both directions. */
export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble + LEN1 LEN2. */
export const HEADER_BYTES = PREAMBLE.length + 2;

/** CMD PARA pairs of the commands the kiosk uses. */
export const Command = {
  /** 10 FF: reset the SAM module. */
  RESET_SAM: [0x10, 0xff],
  /** 11 FF: SAM status check (self-test). */
  SAM_STATUS: [0x11, 0xff],
  /** 12 FF: read the SAM id (diagnostics). */
  SAM_ID: [0x12, 0xff],
  /** 20 01: find card (anticollision). */
  FIND_CARD: [0x20, 0x01],
  /** 20 02: select card. */
  SELECT_CARD: [0x20, 0x02],
  /** 30 01: read text + WLT photo. */
  READ_TEXT_PHOTO: [0x30, 0x01],
  /** 30 03: read the newest additional address record. */
  READ_NEW_ADDRESS: [0x30, 0x03],
  /** 30 10: read text + photo + fingerprints. */
  READ_TEXT_PHOTO_FP: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof Command;

/** XOR of all bytes of `bytes`. */
export function xor(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let chk = 0;
  for (let i = start; i < end; i++) chk ^= bytes[i]!;
  return chk;
}

function frame(body: Uint8Array): Buffer {
  const len = body.length + 1; // + CHK
  const out = Buffer.alloc(HEADER_BYTES + len);
  PREAMBLE.copy(out, 0);
  out.writeUInt16BE(len, PREAMBLE.length);
  Buffer.from(body).copy(out, HEADER_BYTES);
  out[out.length - 1] = xor(out, PREAMBLE.length, out.length - 1);
  return out;
}

/** A host -> SAM command frame. */
export function encodeCommand(command: readonly [number, number], data: Uint8Array = Buffer.alloc(0)): Buffer {
  return frame(Buffer.concat([Buffer.from(command), data]));
}

/** A SAM -> host reply frame (used by the simulator; the same bytes a real module sends). */
export function encodeReply(sw3: number, data: Uint8Array = Buffer.alloc(0), sw1 = 0x00, sw2 = 0x00): Buffer {
  return frame(Buffer.concat([Buffer.from([sw1, sw2, sw3]), data]));
}

/** Splits a complete host command frame into CMD, PARA and DATA; undefined when it is not one. */
export function parseCommand(bytes: Buffer): { cmd: number; para: number; data: Buffer } | undefined {
  if (bytes.length < HEADER_BYTES + 3 || !bytes.subarray(0, PREAMBLE.length).equals(PREAMBLE)) return undefined;
  const len = bytes.readUInt16BE(PREAMBLE.length);
  if (bytes.length !== HEADER_BYTES + len || len < 3) return undefined;
  if (xor(bytes, PREAMBLE.length, bytes.length - 1) !== bytes[bytes.length - 1]) return undefined;
  return { cmd: bytes[HEADER_BYTES]!, para: bytes[HEADER_BYTES + 1]!, data: bytes.subarray(HEADER_BYTES + 2, bytes.length - 1) };
}
