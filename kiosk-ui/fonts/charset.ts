import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the kiosk's web font holds (issue 11 #13): every character the UI's sources and the daemon's messages
 * can put on screen, the 3500 常用字 of 《通用规范汉字表》 一级字表 (for hall names, categories and matters from
 * the configuration, and a person's typed text), ASCII, and the CJK and full-width punctuation. A character
 * outside it (a rare character in a name) is drawn by the system's CJK font, glyph by glyph.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** Printable ASCII, CJK symbols and punctuation (U+3000–303F), full-width forms (U+FF01–FF5E), ￥. */
function basics(): string {
  const chars: string[] = [];
  const range = (from: number, to: number) => {
    for (let c = from; c <= to; c += 1) chars.push(String.fromCodePoint(c));
  };
  range(0x20, 0x7e);
  range(0x3000, 0x303f);
  range(0xff01, 0xff5e);
  chars.push('￥', '·', '×', '÷', '—', '–', '…', '‘', '’', '“', '”', '•', '°', '※', '→', '←', '↑', '↓', '✓');
  return chars.join('');
}

/** The 3500 常用字, from the committed list (its source is in the file's header). */
export function commonCharacters(): string {
  return readFileSync(path.join(import.meta.dirname, 'tongyong-level1.txt'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('');
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(?:tsx?|css|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Every non-ASCII character of the UI's sources and the daemon's (whose error messages the UI shows). */
export function sourceCharacters(): string {
  const found = new Set<string>();
  const files = [...sourceFiles(path.join(root, 'kiosk-ui/src')), ...sourceFiles(path.join(root, 'device-daemon/src')), path.join(root, 'kiosk-ui/index.html')];
  for (const file of files) for (const ch of readFileSync(file, 'utf8')) if (ch.codePointAt(0)! > 0x7f && /\p{L}|\p{N}|\p{P}|\p{S}/u.test(ch)) found.add(ch);
  return [...found].join('');
}

/** The font's characters, sorted by code point (the build writes them beside the font; a test compares). */
export function fontCharacters(): string {
  const all = new Set([...basics(), ...commonCharacters(), ...sourceCharacters()]);
  return [...all].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
