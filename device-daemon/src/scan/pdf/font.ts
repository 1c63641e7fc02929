import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The CJK font of the PDFs: Noto Sans SC Regular from the npm package @expo-google-fonts/noto-sans-sc, which
 * the project installs itself (no system font is assumed). pdfkit embeds only the glyphs used, with a
 * ToUnicode map, so the text of a cover page can be searched and extracted.
 */
const FONT_FILE = '400Regular/NotoSansSC_400Regular.ttf';

export function cjkFontPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), FONT_FILE);
}

let cached: Promise<Buffer> | undefined;

/** The font file's bytes, read once per process (10 MB; pdfkit parses it per document). */
export function cjkFont(): Promise<Buffer> {
  cached ??= readFile(cjkFontPath()).catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}
