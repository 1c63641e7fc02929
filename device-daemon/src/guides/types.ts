import type { MatterEntry, MatterMaterial } from '../matters/types';

/** A 事项's 办事指南 (一次性告知) as the kiosk, the phone page and the leaflet show it. */
export interface Guide {
  code: string;
  name: string;
  department: string | null;
  categoryId: string | null;
  /** Pinyin initials of the name (what the kiosk's search matches). */
  initials: string;
  materials: MatterMaterial[];
  conditions?: string;
  timeLimit?: string;
  fee?: string;
  place?: string;
  windows: number[];
  phone?: string;
}

/** A catalogue entry as `app.matters.entries()` gives it: the matters feature's own type. */
export type CatalogueEntry = MatterEntry;
