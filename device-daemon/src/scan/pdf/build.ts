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
