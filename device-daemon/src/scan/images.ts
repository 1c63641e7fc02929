import type { JpegOptions } from 'sharp';
import type { ScannedPage } from '../devices/scanner';
import type { ScanConfig } from './config';

export interface PreparedPage {
  /** The page as it goes into the PDF: JPEG, grey when scanned grey. */
  jpeg: Buffer;
  /** A small preview for the screen. */
  thumbnail: Buffer;
}

/** Longest side of a thumbnail in pixels: enough for a tile on the kiosk screen. */
const THUMB_SIZE = 320;

/** Loaded at the first scan, not at start: sharp and libvips are about 30 MiB of a daemon that may never scan. */
let loaded: Promise<typeof import('sharp')> | undefined;
export function loadImageCodec(): Promise<unknown> {
  return loadSharp().catch(() => undefined); // a failure shows in preparePage, which awaits the same promise
}
function loadSharp(): Promise<typeof import('sharp')> {
  loaded ??= import('sharp').then((m) => {
    // Every page is new input: libvips' operation cache would never hit, only keep finished pages' pixels alive.
    m.default.cache(false);
    return m;
  });
  return loaded;
}

/**
 * `fast`: libjpeg-turbo with optimised Huffman tables and the ImageMagick quantisation table (mozjpeg's own
 * default table, at no cost): about 70 ms a 300 dpi page, so it keeps pace with any scanner. `smallest`:
 * mozjpeg with trellis quantisation and progressive scans, a third smaller on text pages but 15 to 35 times
 * slower (1 to 3 s a 300 dpi page): only for a scanner slow enough to hide it. Measured in test/bench/scan.ts.
 */
const ENCODERS: Record<ScanConfig['jpegCompression'], JpegOptions> = {
  fast: { quantisationTable: 3 },
  smallest: { mozjpeg: true },
};

/**
 * Compresses a scanned page once, right after the scan: the raw image (megabytes) is not kept, and making
 * the PDF later only copies JPEG bytes. Sharp (libvips) does the work on the libuv pool, off the event loop;
 * the page and its thumbnail one after the other, so a page holds one pool thread, not two.
 */
export async function preparePage(page: ScannedPage, quality: number, compression: ScanConfig['jpegCompression']): Promise<PreparedPage> {
  const { default: sharp } = await loadSharp();
  const grey = page.options.mode === 'gray' || page.channels === 1;
  // One sharp instance for each output, over the same pixels (libvips reads the buffer in place). Not `clone()`:
  // it structuredClone()s the options, input buffer included, on the event loop: two copies of the whole page,
  // about 290 ms a 300 dpi page with the garbage collection they caused (docs/PERFORMANCE.md, scanning).
  const input = () => {
    const image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels } });
    return grey ? image.toColourspace('b-w') : image;
  };
  const jpeg = await input().jpeg({ quality, ...ENCODERS[compression] }).toBuffer();
  const thumbnail = await input().resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside' }).jpeg({ quality: 60 }).toBuffer();
  return { jpeg, thumbnail };
}
