import { parsePnmHeader, PnmError } from './pnm';

/** Header bytes kept while looking for the end of the header; scanimage's is about 40. */
const MAX_HEADER = 4096;

/**
 * Puts a PNM image arriving in chunks of any size into one buffer of exactly its size, asked of `allocate`
 * once the header says how big the image is. Collecting the chunks and concatenating them would hold every
 * page twice (5.6 MB grey at 300 dpi, 26 MB colour A4) and leave both as garbage; with `allocate` handing out
 * a reused buffer a page leaves none. Input that is not a PNM header is kept as it came, so decodePnm()
 * reports what is wrong with it; bytes past the image's end are dropped, as decodePnm() ignores them.
 */
export class PnmAssembler {
  private head: Buffer[] = [];
  private headBytes = 0;
  private image: Buffer | undefined;
  private filled = 0;
  /** Not a PNM header: the chunks as they came. */
  private raw: Buffer[] | undefined;

  constructor(private readonly allocate: (bytes: number) => Buffer = (n) => Buffer.allocUnsafe(n)) {}

  push(chunk: Buffer): void {
    if (this.raw) return void this.raw.push(chunk);
    if (this.image) return this.fill(chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    const buffered = this.head.length === 1 ? chunk : Buffer.concat(this.head);
    this.head = [buffered];
    if (buffered.length < 3) return; // the magic number and one more byte, before anything can be told
    let size: number | undefined;
    try {
      size = imageBytes(buffered);
    } catch (err) {
      if (!(err instanceof PnmError) || this.headBytes > MAX_HEADER || !/cut short/.test(err.message)) this.raw = [buffered];
      return;
    }
    if (size === undefined) {
      if (this.headBytes > MAX_HEADER) this.raw = [buffered];
      return;
    }
    this.image = this.allocate(size);
    this.head = [];
    this.fill(buffered);
  }

  /** The image as received (shorter than its header says if the input ended early: decodePnm says so). */
  end(): Buffer {
    if (this.raw) return Buffer.concat(this.raw);
    if (this.image) return this.image.subarray(0, this.filled);
    return Buffer.concat(this.head);
  }

  private fill(chunk: Buffer): void {
    const image = this.image!;
    const n = Math.min(chunk.length, image.length - this.filled);
    chunk.copy(image, this.filled, 0, n);
    this.filled += n;
  }
}

/**
 * The same for an image in a file (scanimage's stdout as a file, transport/output-file.ts): the header's first
 * bytes tell the size, then one read puts the image into `allocate`'s buffer. `read` fills what it is given
 * from a position and says how many bytes came. What is not a PNM header is read whole for decodePnm to refuse.
 */
export async function readPnm(
  size: number,
  read: (into: Buffer, position: number) => Promise<number>,
  allocate: (bytes: number) => Buffer = (n) => Buffer.allocUnsafe(n),
): Promise<Buffer> {
  /** Fills `into` from the file's start, as far as the file goes. */
  const fill = async (into: Buffer) => {
    let filled = 0;
    while (filled < into.length) {
      const n = await read(into.subarray(filled), filled);
      if (n === 0) break;
      filled += n;
    }
    return into.subarray(0, filled);
  };
  const head = await fill(Buffer.allocUnsafe(Math.min(size, MAX_HEADER)));
  let bytes: number | undefined;
  try {
    bytes = imageBytes(head);
  } catch (err) {
    if (!(err instanceof PnmError)) throw err;
  }
  // A file shorter than its header says is read as far as it goes: decodePnm reports it cut short.
  const image = bytes === undefined ? Buffer.allocUnsafe(size) : allocate(bytes);
  return fill(image.subarray(0, Math.min(image.length, size)));
}

/** Header plus samples in bytes, or undefined while the header may still be incomplete. */
function imageBytes(buf: Buffer): number | undefined {
  const h = parsePnmHeader(buf);
  // The one whitespace byte after the last number must have arrived, else that number may be cut.
  if (h.offset > buf.length) return undefined;
  const samples = h.magic === 'P4' ? Math.ceil(h.width / 8) * h.height : h.width * h.height * (h.magic === 'P6' ? 3 : 1) * (h.maxval > 255 ? 2 : 1);
  return h.offset + samples;
}
