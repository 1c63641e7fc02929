import type { KioskConfig } from '../config/schema';

/** A matter as `scan.matters` configures it (the catalogue's fallback when `matters` is absent). */
type MatterConfig = KioskConfig['scan']['matters'][number];
import type { MatterEntry } from './types';

/** A 事项 as windows, ratings and the integration API name it. */
export interface Matter {
  code: string;
  name: string;
  department: string | null;
  categoryId: string | null;
}

/**
 * The hall's 事项 catalogue, one for windows and scanning: configured under `matters`, or, when absent, made from
 * the scanner's own list (`scan.matters`, code = its id) so a kiosk without a catalogue scans as before.
 */
export class MatterCatalogue {
  private readonly byCode: Map<string, MatterEntry | (MatterConfig & { code: string })>;

  constructor(
    private readonly configured: MatterEntry[] | undefined,
    private readonly scanDefaults: MatterConfig[],
  ) {
    const list = configured ?? scanDefaults.map((m) => ({ ...m, code: m.id }));
    this.byCode = new Map(list.map((m) => [m.code, m]));
  }

  get(code: string): Matter | undefined {
    const m = this.byCode.get(code);
    return m && view(m);
  }

  list(categoryId?: string): Matter[] {
    return [...this.byCode.values()].map(view).filter((m) => !categoryId || m.categoryId === null || m.categoryId === categoryId);
  }

  /** Every entry whole, with its materials and 办事指南 (the guides feature's source). */
  entries(): MatterEntry[] {
    return [...this.byCode.values()].map((m) =>
      'department' in m ? m : { code: m.code, name: m.name, department: '', categoryId: '', materials: m.materials });
  }

  /** The matters offered at the scanner, in the scanner's shape. */
  forScanning(): MatterConfig[] {
    if (!this.configured) return this.scanDefaults;
    return this.configured.flatMap((m) =>
      m.materials
        ? [{ id: m.code, name: m.name, materials: m.materials.map((x) => ({ id: x.id, name: x.name, required: x.required ?? true, ...(x.note ? { note: x.note } : {}) })) }]
        : [],
    );
  }
}

function view(m: MatterEntry | (MatterConfig & { code: string })): Matter {
  return {
    code: m.code,
    name: m.name,
    department: 'department' in m ? m.department : null,
    categoryId: 'categoryId' in m ? m.categoryId : null,
  };
}
