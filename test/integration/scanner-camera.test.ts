import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScannerDriver, type ScannedPage } from '../../device-daemon/src/devices/scanner/driver';
import { CameraScanTransport } from '../../device-daemon/src/devices/scanner/camera/camera-transport';
import { TEST_BACKEND_SOURCES } from '../../device-daemon/src/devices/scanner/codec/args';
import { INSET, MARKER, pagePhoto } from '../support/camera/page-photo';

// The production camera transport and scanner driver, with ffmpeg really run; only ffmpeg's input is swapped:
// a still photo of a page (made by test/support/camera/page-photo.ts) or a lavfi source instead of /dev/video0.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-camera-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const drivers: ScannerDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

function fit(input: string[], present = true) {
  const transport = new CameraScanTransport({ name: 'camera:test', ffmpeg: 'ffmpeg', input: async () => input, present: () => present, warmupFrames: 0, pageMm: { width: 210, height: 297 } });
  const driver = new ScannerDriver({ driver: 'camera', simulated: false, transport, device: 'camera:test', sources: TEST_BACKEND_SOURCES, timeoutMs: 30_000 });
  drivers.push(driver);
  return driver;
}

async function photoOf(angle: number): Promise<string> {
  const file = path.join(dir, `page-${angle}.png`);
  writeFileSync(file, (await pagePhoto(angle)).png);
  return file;
}

/** The dark blobs of a grey page: centre and how squarely each fills its bounding box. */
function blobs(page: ScannedPage): { x: number; y: number; fill: number; aspect: number; area: number }[] {
  const { width: w, height: h, data } = page;
  const seen = new Uint8Array(w * h);
  const out = [];
  for (let i = 0; i < w * h; i++) {
    if (seen[i] || data[i]! >= 60) continue;
    const stack = [i];
    seen[i] = 1;
    let n = 0, sx = 0, sy = 0, x0 = w, x1 = 0, y0 = h, y1 = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w, y = (p - x) / w;
      n++; sx += x; sy += y;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      for (const q of [p - 1, p + 1, p - w, p + w]) {
        if (q >= 0 && q < w * h && !seen[q] && data[q]! < 60 && Math.abs((q % w) - x) <= 1) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (n < 20) continue;
    out.push({ x: sx / n, y: sy / n, fill: n / ((x1 - x0 + 1) * (y1 - y0 + 1)), aspect: (x1 - x0 + 1) / (y1 - y0 + 1), area: n });
  }
  return out;
}

describe('高拍仪: the camera scanner driver over ffmpeg', () => {
  it.each([15, -8])('a page photographed at %i° comes out cropped and straight: its corner marks where the page puts them', async (angle) => {
    const driver = fit(['-i', await photoOf(angle)]);
    await driver.open();
    expect(driver.state).toBe('idle');
    const page = await driver.scan({ resolution: 50, mode: 'gray', source: 'flatbed' });
    // A4 at 50 dpi.
    expect([page.width, page.height]).toEqual([413, 585]);
    const marks = blobs(page);
    expect(marks).toHaveLength(4);
    const c = (INSET + MARKER / 2) * page.width; // mark centres: this far from both edges, in page pixels
    const expected = [[c, c], [page.width - c, c], [page.width - c, page.height - c], [c, page.height - c]];
    for (const [ex, ey] of expected) {
      const near = marks.reduce((a, b) => (Math.hypot(b.x - ex!, b.y - ey!) < Math.hypot(a.x - ex!, a.y - ey!) ? b : a));
      // Within 2 % of the page width of where the page printed it: the page is found and cropped to its edges.
      expect(Math.hypot(near.x - ex!, near.y - ey!)).toBeLessThan(0.02 * page.width);
      // Square and filled: a mark still turned by 15° would fill two thirds of its box.
      expect(near.fill).toBeGreaterThan(0.85);
      expect(near.aspect).toBeGreaterThan(0.85);
      expect(near.aspect).toBeLessThan(1.18);
    }
    expect(driver.status().statistics.GoodScanCount).toBe(1);
  });

  it('an empty desk (lavfi colour source) is «no documents», and the camera stays ready', async () => {
    const driver = fit(['-f', 'lavfi', '-i', 'color=c=0x232323:s=640x480']);
    await driver.open();
    await expect(driver.scan({ resolution: 50, mode: 'gray', source: 'flatbed' })).rejects.toMatchObject({ code: 'SCANNER_NO_DOCUMENTS' });
    expect(driver.state).toBe('idle');
    expect(driver.status().statistics.NoDocumentCount).toBe(1);
  });

  it('the technician\'s small test scan needs no page: an area is cut from the frame (lavfi testsrc)', async () => {
    const driver = fit(['-f', 'lavfi', '-i', 'testsrc=s=320x240']);
    await driver.open();
    const health = await driver.checkHealth('external');
    expect(health.ok).toBe(true);
  });

  it('a camera that is not there keeps the scanner offline; one ffmpeg cannot open is SCANNER_MISSING', async () => {
    const absent = fit(['-f', 'lavfi', '-i', 'testsrc'], false);
    await absent.open();
    expect(absent.state).toBe('offline');
    const broken = fit(['-i', path.join(dir, 'no-such-camera.png')]);
    await broken.open();
    await expect(broken.scan({ resolution: 50, mode: 'gray', source: 'flatbed' })).rejects.toMatchObject({ code: 'SCANNER_MISSING' });
    expect(broken.state).toBe('offline');
  });

  it('live preview: one small JPEG of the desk', async () => {
    const driver = fit(['-f', 'lavfi', '-i', 'testsrc=s=640x480']);
    await driver.open();
    expect(driver.canPreview).toBe(true);
    const jpeg = await driver.preview(320);
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });
});

describe('GET /api/scan/preview', () => {
  it('is 404 PREVIEW_UNAVAILABLE for a flatbed, and 503 (not a hang) for a configured camera that is not plugged in', async () => {
    const { startScanApp } = await import('./scan-support');
    const flatbed = await startScanApp();
    try {
      const res = await flatbed.app.inject({ method: 'GET', url: '/api/scan/preview' });
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'PREVIEW_UNAVAILABLE']);
    } finally {
      await flatbed.close();
    }
    const camera = await startScanApp({ devices: { scanner: { driver: 'camera', device: path.join(dir, 'video9'), warmupFrames: 0 } } });
    try {
      const res = await camera.app.inject({ method: 'GET', url: '/api/scan/preview?width=320' });
      expect([res.statusCode, res.json().error.code]).toEqual([503, 'SCANNER_UNAVAILABLE']);
      expect(camera.app.devices.scanner?.state).toBe('offline');
    } finally {
      await camera.close();
    }
  });
});
