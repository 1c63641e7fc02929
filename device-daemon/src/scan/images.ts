import type { ScannedPage } from '../devices/scanner';

export interface PreparedPage {
  /** The page as it goes into the PDF: JPEG, grey when scanned grey. */
  jpeg: Buffer;
  /** A small preview for the screen. */
  thumbnail: Buffer;
}

/** Longest side of a thumbnail in pixels: enough for a tile on the kiosk screen. */
const THUMB_SIZE = 320;

/**
 * Compresses a scanned page once, right after the scan: the raw image (megabytes) is not kept, and making
 * the PDF later only copies JPEG bytes. Sharp (libvips) does the work off the event loop.
 */
export async function preparePage(page: ScannedPage, quality: number): Promise<PreparedPage> {
  // Loaded at the first scan, not at start: sharp and libvips are about 30 MiB of a daemon that may never scan.
  const { default: sharp } = await import('sharp');
  const input = () => sharp(page.data, { raw: { width: page.width, height: page.height, channels: page.channels } });
  const grey = page.options.mode === 'gray' || page.channels === 1;
  const base = () => (grey ? input().toColourspace('b-w') : input());
  const [jpeg, thumbnail] = await Promise.all([
    base().jpeg({ quality, mozjpeg: true }).toBuffer(),
    base().resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside' }).jpeg({ quality: 60 }).toBuffer(),
  ]);
  return { jpeg, thumbnail };
}
