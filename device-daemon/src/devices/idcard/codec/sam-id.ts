/**
 * The SAM id (reply to 12 FF) in its printed form, as on the module's label and in vendor tools:
 * `05.01-20101129-0001228293-0296863149` (the vendor's SAM document, section 5.1).
 *
 * The 16 data bytes: two 16-bit little-endian fields printed as two digits each (`05.01`), then three 32-bit
 * little-endian numbers: the date field unpadded, the two serial fields zero-padded to ten digits (the width
 * of the largest 32-bit number, as the label prints them).
 */
export const SAM_ID_BYTES = 16;

/** The printed form, or undefined when the reply is too short to be a SAM id. */
export function formatSamId(data: Buffer): string | undefined {
  if (data.length < SAM_ID_BYTES) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  const ten = (n: number) => String(n).padStart(10, '0');
  return `${two(data.readUInt16LE(0))}.${two(data.readUInt16LE(2))}-${data.readUInt32LE(4)}-${ten(data.readUInt32LE(8))}-${ten(data.readUInt32LE(12))}`;
}

/** The inverse (simulator, tests): the bytes a module with this printed id answers. */
export function encodeSamId(printed: string): Buffer {
  const m = /^(\d{2})\.(\d{2})-(\d{1,10})-(\d{10})-(\d{10})$/.exec(printed);
  if (!m) throw new Error(`not a printed SAM id: ${printed}`);
  const out = Buffer.alloc(SAM_ID_BYTES);
  out.writeUInt16LE(Number(m[1]), 0);
  out.writeUInt16LE(Number(m[2]), 2);
  out.writeUInt32LE(Number(m[3]), 4);
  out.writeUInt32LE(Number(m[4]), 8);
  out.writeUInt32LE(Number(m[5]), 12);
  return out;
}
