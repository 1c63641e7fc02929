import { Type, type Static } from 'typebox';
import { oneOf, section, strict } from '../config/kit';
import { DEFAULT_MATTERS } from './default-matters';

const id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$', expected: 'an id of lowercase letters, digits and -' });

/** A material a matter requires (一次性告知: every one named up front). */
const material = strict({
  id,
  name: Type.String({ minLength: 1, maxLength: 30 }),
  /** Optional materials (容缺受理) may be left unscanned. */
  required: Type.Boolean({ default: true }),
  /** A short hint shown under the name, e.g. «正反面各扫一页». */
  note: Type.Optional(Type.String({ maxLength: 60 })),
});

const matter = strict({
  id,
  name: Type.String({ minLength: 1, maxLength: 40 }),
  materials: Type.Array(material, { minItems: 1, maxItems: 20 }),
});

const mm = (minimum: number) => Type.Integer({ minimum });

export const scanConfig = section({
  /** Pages per submission, all materials together. */
  maxPages: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  /** Largest finished PDF; a page that would pass it is refused when scanned. */
  maxPdfMegabytes: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  /** Finished PDFs are deleted this many days after the service they were for ended (办结), else after «完成». */
  retentionDays: Type.Integer({ minimum: 1, maximum: 365, default: 7 }),
  /** An open submission nobody touched for this long is discarded (the person walked away, the page died). */
  abandonAfterMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  resolution: Type.Integer({ minimum: 50, maximum: 600, default: 150 }),
  mode: oneOf(['gray', 'color'], { default: 'gray' }),
  source: oneOf(['flatbed', 'adf'], { default: 'flatbed' }),
  /** Scan area in millimetres; the device's default when absent (A4 is 0, 0, 210, 297). */
  area: Type.Optional(strict({ left: mm(0), top: mm(0), width: mm(1), height: mm(1) })),
  /** JPEG quality of pages inside the PDF. */
  jpegQuality: Type.Integer({ minimum: 30, maximum: 95, default: 70 }),
  /** `fast` keeps pace with any scanner; `smallest` (mozjpeg) makes text pages a third smaller, 15-35x slower (images.ts). */
  jpegCompression: oneOf(['fast', 'smallest'], { default: 'fast' }),
  /**
   * Where finished PDFs are written; default `<KIOSK_DATA_DIR>/scans`. In hall-wide mode a folder every daemon
   * of the hall mounts (NFS/SMB), so any window opens a PDF scanned at any kiosk.
   */
  pdfFolder: Type.Optional(Type.String({ minLength: 1, pattern: '^/', expected: 'an absolute folder path' })),
  matters: Type.Array(matter, { minItems: 1, maxItems: 50, default: DEFAULT_MATTERS }),
});
export type ScanConfig = Static<typeof scanConfig>;
export type MatterConfig = ScanConfig['matters'][number];
