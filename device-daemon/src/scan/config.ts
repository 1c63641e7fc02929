import { arr, bool, int, obj, oneOf, opt, str, type Infer } from '../config/schema-dsl';
import { DEFAULT_MATTERS } from './default-matters';

const id = str({ pattern: /^[a-z0-9][a-z0-9-]{0,31}$/, hint: 'an id of lowercase letters, digits and -' });

/** A material a matter requires (一次性告知: every one named up front). */
const material = obj({
  id,
  name: str({ min: 1, max: 30 }),
  /** Optional materials (容缺受理) may be left unscanned. */
  required: opt(bool(), true),
  /** A short hint shown under the name, e.g. «正反面各扫一页». */
  note: opt(str({ max: 60 })),
});

const matter = obj({
  id,
  name: str({ min: 1, max: 40 }),
  materials: arr(material, { min: 1, max: 20 }),
});

export const scanConfig = obj({
  /** Pages per submission, all materials together. */
  maxPages: opt(int({ min: 1, max: 500 }), 50),
  /** Largest finished PDF; a page that would pass it is refused when scanned. */
  maxPdfMegabytes: opt(int({ min: 1, max: 500 }), 20),
  /** Finished PDFs are deleted this many days after they were made. */
  retentionDays: opt(int({ min: 1, max: 365 }), 7),
  /** An open submission nobody touched for this long is discarded (the person walked away, the page died). */
  abandonAfterMinutes: opt(int({ min: 1, max: 1440 }), 30),
  resolution: opt(int({ min: 50, max: 600 }), 150),
  mode: opt(oneOf(['gray', 'color'] as const), 'gray'),
  source: opt(oneOf(['flatbed', 'adf'] as const), 'flatbed'),
  /** Scan area in millimetres; the device's default when absent (A4 is 0, 0, 210, 297). */
  area: opt(obj({ left: int({ min: 0 }), top: int({ min: 0 }), width: int({ min: 1 }), height: int({ min: 1 }) })),
  /** JPEG quality of pages inside the PDF. */
  jpegQuality: opt(int({ min: 30, max: 95 }), 70),
  matters: opt(arr(matter, { min: 1, max: 50 }), DEFAULT_MATTERS),
});
export type ScanConfig = Infer<typeof scanConfig>;
export type MatterConfig = ScanConfig['matters'][number];
