/**
 * Still images standing in for a 高拍仪: an A4 page photographed on a dark desk, turned by a given angle and
 * seen with a little keystone (the camera is never exactly overhead). The page carries four black squares at
 * known places near its corners, so a test can measure where they land after the camera driver has found,
 * straightened and cropped the page. Kept small (a 640 × 480 photo) so the tests stay light on a shared CPU.
 *
 * Run by the camera tests; `npx tsx test/support/camera/page-photo.ts out.png 15` writes one to look at.
 */
import sharp from 'sharp';
import { openCv } from '../../../device-daemon/src/devices/scanner/camera/cv';

/** Page size in the synthetic photo before it is turned (A4 proportions). */
export const PAGE = { width: 300, height: Math.round(300 * Math.SQRT2) };
/** The corner markers: squares of MARKER × width, INSET × width from both edges of the page. */
export const MARKER = 0.06;
export const INSET = 0.05;

export interface PagePhoto {
  png: Buffer;
  /** Where the page's corners lie in the photo (top-left, top-right, bottom-right, bottom-left). */
  corners: { x: number; y: number }[];
}

export async function pagePhoto(angleDegrees: number, photo = { width: 640, height: 480 }): Promise<PagePhoto> {
  const { cv } = await openCv();
  const { width: w, height: h } = PAGE;
  const page = new cv.Mat(h, w, cv.CV_8UC1);
  const px = page.data;
  px.fill(245);
  // Lines of "text": grey bars across the page body.
  for (let y = Math.round(0.18 * h); y < 0.85 * h; y += 14) {
    for (let yy = y; yy < y + 5; yy++) px.fill(110, yy * w + Math.round(0.15 * w), yy * w + Math.round(0.85 * w));
  }
  const size = Math.round(MARKER * w);
  const inset = Math.round(INSET * w);
  for (const [x0, y0] of [[inset, inset], [w - inset - size, inset], [w - inset - size, h - inset - size], [inset, h - inset - size]] as const) {
    for (let y = y0; y < y0 + size; y++) px.fill(0, y * w + x0, y * w + x0 + size);
  }
  // Turn the page about the photo's centre, shrink it to fit, and pull the top edge in a little (keystone).
  const a = (angleDegrees * Math.PI) / 180;
  const s = (0.8 * photo.height) / h;
  const cx = photo.width / 2;
  const cy = photo.height / 2;
  const corners = [[0, 0], [w, 0], [w, h], [0, h]].map(([x, y]) => {
    const keystone = y === 0 ? 0.94 : 1;
    const dx = (x! - w / 2) * s * keystone;
    const dy = (y! - h / 2) * s;
    return { x: cx + dx * Math.cos(a) - dy * Math.sin(a), y: cy + dx * Math.sin(a) + dy * Math.cos(a) };
  });
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, w, 0, w, h, 0, h]);
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, corners.flatMap((p) => [p.x, p.y]));
  const m = cv.getPerspectiveTransform(from, to);
  const out = new cv.Mat();
  cv.warpPerspective(page, out, m, new cv.Size(photo.width, photo.height), cv.INTER_LINEAR, cv.BORDER_CONSTANT, new cv.Scalar(35, 35, 35, 255));
  const gray = Buffer.from(out.data);
  for (const mat of [page, from, to, m, out]) mat.delete();
  const png = await sharp(gray, { raw: { width: photo.width, height: photo.height, channels: 1 } }).png().toBuffer();
  return { png, corners };
}

if (process.argv[1]?.endsWith('page-photo.ts') && process.argv[2]) {
  const { writeFileSync } = await import('node:fs');
  const { png } = await pagePhoto(Number(process.argv[3] ?? 15));
  writeFileSync(process.argv[2], png);
}
