import type { KioskConfig } from '../config/schema';
import { ConfigError } from '../config/config-error';
import { loadCatalogueFile } from '../matters/file';
import { checkMatterCategories } from '../matters/categories';
import type { MatterEntry } from '../matters/types';
import { fail, pass, warn, type Check } from './types';

const ID = 'matters';
const TITLE = '事项 catalogue';

/**
 * The hall's 事项 catalogue as the daemon will read it at start: where it comes from, how many 事项, how many offer
 * scanning (they list materials) and have a 办事指南; a bad 事项目录 file FAILs with the row and column to fix.
 */
export async function catalogueCheck(config: KioskConfig, configFile: string | undefined): Promise<Check> {
  const source = config.matters;
  if (source === undefined) {
    const detail = `not configured: the ${config.scan.matters.length} 事项 of scan.matters stand in (windows, ratings and guides offer only those)`;
    if (!configFile) return pass(ID, TITLE, detail, { source: 'scan.matters', matters: config.scan.matters.length });
    return warn(ID, TITLE, detail, 'set `matters` to the hall\'s exported 事项目录 (.xlsx or .csv, docs/CONFIGURATION.md) or list the 事项', { source: 'scan.matters' });
  }
  let entries: MatterEntry[];
  try {
    entries = typeof source === 'string' ? await loadCatalogueFile(source) : source;
    checkMatterCategories(entries, config.queue.categories.map((c) => c.id), typeof source === 'string' ? source : undefined);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (typeof source !== 'string') return fail(ID, TITLE, err.message, 'set the named 事项\'s categoryId to one of queue.categories', { source: 'configuration' });
    return fail(ID, TITLE, err.message, `fix the named row or 事项 in ${source}; \`npx tsx device-daemon/src/matters/import-cli.ts ${source}\` lists every problem`, { file: source });
  }
  const scanned = entries.filter((e) => e.materials?.length).length;
  const guided = entries.filter((e) => e.guide).length;
  const deferrable = entries.filter((e) => e.materials?.some((m) => m.deferrable)).length;
  const from = typeof source === 'string' ? source : 'the configuration';
  const detail = `${entries.length} 事项 from ${from}: ${scanned} with materials (offered at the scanner, ${deferrable} with 容缺), ${guided} with a 办事指南`;
  return pass(ID, TITLE, detail, { source: typeof source === 'string' ? source : 'configuration', matters: entries.length, withMaterials: scanned, withGuide: guided });
}
