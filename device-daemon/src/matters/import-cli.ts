import { importCatalogue } from './file';
import { CatalogueImportError } from './import';

/**
 * `npx tsx device-daemon/src/matters/import-cli.ts 事项目录.xlsx` prints the `matters` section for the configuration
 * file, or every problem with its row and column (exit status 65).
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
