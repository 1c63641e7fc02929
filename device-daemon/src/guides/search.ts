
/** What a 事项 is found by: its name, and the pinyin initials of it (`jmsfzhl` for 居民身份证换领). */
export interface Searchable {
  code: string;
  name: string;
}

/**
 * What makes pinyin initials of a name, lowercase, letters and digits kept as they are. pinyin-pro is loaded at
 * the first use, not at start: its dictionary is about 20 MiB of the daemon's memory (test/bench/README.md).
 */
export async function initialsMaker(): Promise<(name: string) => string> {
  const { pinyin } = await import('pinyin-pro');
  return (name) =>
    pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
}

/**
 * Ranks matters for a query typed on the kiosk: a name containing the text first, then initials starting with it,
 * then initials containing it. An empty query lists everything in catalogue order.
 */
export function search<T extends Searchable>(items: readonly T[], query: string, index: ReadonlyMap<string, string>): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...items];
  const score = (i: T): number => {
    const ini = index.get(i.code) ?? '';
    if (i.name.includes(q) || i.code.toLowerCase() === q) return 0;
    if (ini.startsWith(q)) return 1;
    if (ini.includes(q)) return 2;
    return -1;
  };
  return items.map((i) => ({ i, s: score(i) })).filter((x) => x.s >= 0).sort((a, b) => a.s - b.s).map((x) => x.i);
}
