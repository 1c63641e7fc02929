import { createWriteStream } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { cjkFont } from './font';
import { drawCover, type CoverInfo } from './cover';

export interface PdfPage {
  /** A JPEG file (see images.ts); pdfkit embeds its bytes as they are (DCTDecode), nothing is re-encoded. */
  file: string;
  width: number;
  height: number;
  resolution: number;
}

export interface BuiltPdf {
  bytes: number;
  pages: number;
}

const POINTS_PER_INCH = 72;

let warm: Promise<void> | undefined;

/**
 * The first PDF a process makes is several times slower than the next (0.5-2 s against 0.1 s for the cover:
 * the 10 MB font read, fontkit's and pdfkit's code compiled on first use). Making one cover into nothing
 * while the first pages are scanned takes that off «完成». Once per process; a failure is only retried.
 */
export function warmUpPdf(): Promise<void> {
  warm ??= (async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ autoFirstPage: false, compress: true });
    doc.on('data', () => undefined);
    const ended = new Promise<void>((resolve, reject) => doc.once('end', resolve).once('error', reject));
    doc.registerFont('cjk', await cjkFont());
    await drawCover(doc, { hallName: '政务服务中心', number: 'SM00000000-0000', matterName: '材料扫描', applicantMasked: null, time: '', materials: [{ name: '材料', required: true, pages: 1 }] });
    doc.end();
    await ended;
  })().catch(() => {
    warm = undefined;
  });
  return warm;
}

/**
 * Writes the submission's PDF: the cover, then one page per scan at its true physical size. The document
 * is streamed into `tmp` (pages are read one at a time, so memory stays flat); the caller renames it into
 * place only when it is complete. A failure removes `tmp`.
 */
export async function buildPdf(tmp: string, cover: CoverInfo, pages: readonly PdfPage[]): Promise<BuiltPdf> {
  // Loaded at the first PDF, not at start: pdfkit with fontkit is about 20 MiB of a daemon that may never scan.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: `材料扫描件 ${cover.number}`, Subject: cover.matterName, Creator: 'gov-hall-kiosk', Producer: 'pdfkit' },
  });
  const out = createWriteStream(tmp);
  doc.pipe(out);
  try {
    doc.registerFont('cjk', await cjkFont());
    await drawCover(doc, cover);
    for (const p of pages) {
      const w = (p.width / p.resolution) * POINTS_PER_INCH;
      const h = (p.height / p.resolution) * POINTS_PER_INCH;
      doc.addPage({ size: [w, h], margin: 0 });
      doc.image(await readFile(p.file), 0, 0, { width: w, height: h });
    }
    doc.end();
    await finished(out);
    return { bytes: (await stat(tmp)).size, pages: pages.length + 1 };
  } catch (err) {
    out.destroy();
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
