import { ConfigError } from '../config/config-error';
import type { MatterEntry } from './types';

/**
 * Every 事项 names a queue category the hall has: the counter page offers a 事项 only to that category's tickets,
 * so one filed under a letter no category uses would never be offered at any window. Checked once the catalogue is
 * read (an inline list or the hall's file), so a mistyped 分类 stops start-up in one line and the doctor names it.
 */
/** `file`: the 事项目录 the entries were read from; undefined for a list in the configuration. */
export function checkMatterCategories(entries: readonly MatterEntry[], categoryIds: readonly string[], file: string | undefined): void {
  const known = new Set(categoryIds);
  const i = entries.findIndex((e) => !known.has(e.categoryId));
  if (i < 0) return;
  const entry = entries[i]!;
  const expected = `a queue category (${categoryIds.join(', ')}): 事项 ${entry.code}「${entry.name}」would be offered at no window`;
  if (file === undefined) throw new ConfigError(`matters[${i}].categoryId`, entry.categoryId, expected);
  throw new ConfigError('matters', file, `a 事项目录 whose 分类 are queue categories: 事项 ${entry.code}「${entry.name}」has 分类 ${entry.categoryId}, not ${categoryIds.join('/')}`);
}
