import { importCatalogue } from './file';
import { CatalogueImportError } from './import';

/**
 * `npx tsx device-daemon/src/matters/import-cli.ts 事项目录.xlsx` lists every problem of a hall's 事项目录 with its row
 * and column (exit status 65; the daemon's start-up line names only the first), or prints its entries as the
 * `matters` section (for a configuration that lists them instead of naming the file).
 */
const file = process.argv[2];
if (!file) {
  console.error('用法：npx tsx device-daemon/src/matters/import-cli.ts <事项目录.csv|.xlsx>');
  process.exit(64);
}
importCatalogue(file).then(
  (matters) => console.log(JSON.stringify({ matters }, null, 2)),
  (err: unknown) => {
    console.error(err instanceof CatalogueImportError ? err.message : (err as Error).message);
    process.exit(65);
  },
);
