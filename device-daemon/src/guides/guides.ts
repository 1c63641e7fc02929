import { initialsMaker } from './search';
import type { CatalogueEntry, Guide } from './types';

/** The catalogue's entries as guides; a 事项 without materials still has a guide (conditions, place, phone). */
export async function guidesOf(entries: readonly CatalogueEntry[]): Promise<Guide[]> {
  const initials = await initialsMaker();
  return entries.map((e) => ({
    code: e.code,
    name: e.name,
    department: e.department || null,
    categoryId: e.categoryId || null,
    initials: initials(e.name),
    materials: (e.materials ?? []).map((m) => ({ ...m, required: m.required ?? true })),
    ...(e.guide?.conditions ? { conditions: e.guide.conditions } : {}),
    ...(e.guide?.timeLimit ? { timeLimit: e.guide.timeLimit } : {}),
    ...(e.guide?.fee ? { fee: e.guide.fee } : {}),
    ...(e.guide?.place ? { place: e.guide.place } : {}),
    windows: e.guide?.windows ?? [],
    ...(e.guide?.phone ? { phone: e.guide.phone } : {}),
  }));
}
