/**
 * PNM (netpbm) images, the format scanimage writes: a text header (`P5\n# comment\n1181 1181\n255\n`)
 * followed by binary samples. Sharp does not read PNM, so the header is parsed here and the samples are
 * handed to sharp as raw pixels. Only what SANE produces is supported: P4 (1 bit), P5 (grey), P6 (RGB),
 * with 8 or 16 bits per sample.
 */
export interface RawImage {
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB); 8 bits per sample. */
  channels: 1 | 3;
  data: Buffer;
}

export class PnmError extends Error {
  readonly code = 'PNM_INVALID' as const;
}

interface Header {
  magic: 'P4' | 'P5' | 'P6';
  width: number;
  height: number;
  maxval: number;
  offset: number;
}

export function parsePnmHeader(buf: Buffer): Header {
  const magic = buf.toString('latin1', 0, 2);
  if (magic !== 'P4' && magic !== 'P5' && magic !== 'P6') throw new PnmError(`not a PNM image (starts with ${JSON.stringify(magic)})`);
  const fields: number[] = [];
  const want = magic === 'P4' ? 2 : 3;
  let i = 2;
  while (fields.length < want) {
    if (i >= buf.length) throw new PnmError('PNM header is cut short');
    const c = buf[i]!;
    if (c === 0x23 /* '#' comment to end of line */) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      while (i < buf.length && buf[i]! >= 0x30 && buf[i]! <= 0x39) n = n * 10 + (buf[i++]! - 0x30);
      fields.push(n);
      continue;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      throw new PnmError(`unexpected byte 0x${c.toString(16)} in PNM header`);
    }
    i++;
  }
  // Exactly one whitespace byte separates the header from the samples.
  const [width, height, maxval = 1] = fields as [number, number, number?];
  if (!width || !height) throw new PnmError('PNM image has no pixels');
  if (maxval < 1 || maxval > 65535) throw new PnmError(`PNM maxval ${maxval} out of range`);
  return { magic, width, height, maxval, offset: i + 1 };
}

export function decodePnm(buf: Buffer): RawImage {
  const h = parsePnmHeader(buf);
  const channels = h.magic === 'P6' ? 3 : 1;
  const pixels = h.width * h.height;
  if (h.magic === 'P4') {
    const rowBytes = Math.ceil(h.width / 8);
    need(buf, h.offset + rowBytes * h.height);
    const data = Buffer.alloc(pixels);
    for (let y = 0; y < h.height; y++) {
      for (let x = 0; x < h.width; x++) {
        const bit = (buf[h.offset + y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        data[y * h.width + x] = bit ? 0 : 255; // in P4, 1 is black
      }
    }
    return { width: h.width, height: h.height, channels: 1, data };
  }
  const wide = h.maxval > 255;
  const samples = pixels * channels;
  need(buf, h.offset + samples * (wide ? 2 : 1));
  if (!wide && h.maxval === 255) {
    return { width: h.width, height: h.height, channels, data: buf.subarray(h.offset, h.offset + samples) };
  }
  const data = Buffer.alloc(samples);
  for (let s = 0; s < samples; s++) {
    const v = wide ? buf.readUInt16BE(h.offset + 2 * s) : buf[h.offset + s]!;
    data[s] = Math.round((v * 255) / h.maxval);
  }
  return { width: h.width, height: h.height, channels, data };
}

/** Encodes 8-bit grey or RGB samples as P5/P6, as scanimage would (used by the in-process simulator). */
export function encodePnm(img: RawImage, comment = 'SANE data follows'): Buffer {
  const header = Buffer.from(`${img.channels === 3 ? 'P6' : 'P5'}\n# ${comment}\n${img.width} ${img.height}\n255\n`, 'latin1');
  return Buffer.concat([header, img.data]);
}

function need(buf: Buffer, length: number): void {
  if (buf.length < length) throw new PnmError(`PNM image is cut short: ${buf.length} of ${length} bytes`);
}
