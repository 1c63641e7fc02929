/**
 * `npm run build:font`: subsets Noto Sans SC (the npm package @expo-google-fonts/noto-sans-sc, SIL OFL 1.1) to
 * the kiosk's characters (charset.ts) as two woff2 files, Regular and Bold, written here and committed. Rerun it
 * when the UI gains a character outside the list: test/unit/ui-font.test.ts says which.
 *
 * Committed rather than made at `vite build`: subsetting two 10 MB fonts takes seconds of CPU and hundreds of MB,
 * which every build (tests, `npm start` on a kiosk) would pay for the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { fontCharacters } from './charset';

const require = createRequire(import.meta.url);
const pkg = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
/** The UI draws 400 and 600–800; Bold stands for every heavier weight (styles.css maps them), no fake bold. */
const WEIGHTS = [
  { weight: 400, file: '400Regular/NotoSansSC_400Regular.ttf' },
  { weight: 700, file: '700Bold/NotoSansSC_700Bold.ttf' },
];

const chars = fontCharacters();
for (const { weight, file } of WEIGHTS) {
  const woff2 = await subsetFont(readFileSync(path.join(pkg, file)), chars, { targetFormat: 'woff2' });
  const out = path.join(import.meta.dirname, `noto-sans-sc-${weight}.woff2`);
  writeFileSync(out, woff2);
  console.log(`${path.relative(process.cwd(), out)}: ${(woff2.length / 1024).toFixed(0)} KB`);
}
writeFileSync(path.join(import.meta.dirname, 'charset.txt'), `${chars}\n`);
console.log(`${[...chars].length} characters`);
