/**
 * Home's own small face (issue 11 #14), made at `vite build` (vite.config.ts, postBuild) from the prerendered
 * home: the kiosk font (noto-sans-sc-*.woff2, ~520 KB each) subset to the characters home draws, a few KB per
 * weight. Declared after the full faces, for exactly those code points, in the same family: overlapping
 * unicode-range faces are tried last-declared first (CSS Fonts 4, §4.5), so home is drawn from the small face
 * while the full faces load only when a screen needs another character (`swap` keeps that safe).
 *
 * Unlike the full font (committed, build.ts), this one is cheap to make: it starts from the committed subset.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';

/**
 * What hydration adds to home without a new screen: the clock («19:45», «2026年12月1日星期二»). Not all of ASCII:
 * its letters (with their kerning) would double the face, and home draws none; a hall name with Latin letters
 * takes them from the full face.
 */
const CLOCK = '0123456789: 年月日星期一二三四五六天：';
/** The same weight ranges as the full faces in styles.css, so both join one family per weight. */
const WEIGHTS = [
  { weight: 400, range: '100 500' },
  { weight: 700, range: '600 900' },
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The characters of HTML's text nodes (attributes are not drawn), entities decoded. */
export function drawnCharacters(html: string): string {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? m),
    );
  return [...new Set(text)].filter((ch) => !/\s/.test(ch) || ch === ' ').join('');
}

/** `U+4E00-4E05,U+4F60`: the code points as CSS unicode-range, consecutive ones merged. */
export function unicodeRange(chars: string): string {
  const points = [...new Set([...chars].map((ch) => ch.codePointAt(0)!))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j += 1;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(j === i ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return parts.join(',');
}

export interface HomeFace {
  /** The `@font-face` rules, for a `<style>` after the stylesheet. */
  css: string;
  /** The files' public paths (`/assets/home-400-<hash>.woff2`), for the preloads. */
  urls: string[];
}

/**
 * Writes `home-<weight>-<hash>.woff2` into `assetsDir` for the characters of `homeText` (plus the clock's) and
 * returns their rules. The hash is of the content, like Vite's, so the year-long cache holds.
 */
export async function buildHomeFace(homeText: string, assetsDir: string, publicBase = '/assets/'): Promise<HomeFace> {
  const chars = [...new Set(drawnCharacters(homeText) + CLOCK)].join('');
  const range = unicodeRange(chars);
  const rules: string[] = [];
  const urls: string[] = [];
  for (const { weight, range: weights } of WEIGHTS) {
    const full = readFileSync(path.join(import.meta.dirname, `noto-sans-sc-${weight}.woff2`));
    const woff2 = await subsetFont(full, chars, { targetFormat: 'woff2' });
    const hash = createHash('sha256').update(woff2).digest('base64url').slice(0, 8);
    const name = `home-${weight}-${hash}.woff2`;
    writeFileSync(path.join(assetsDir, name), woff2);
    urls.push(`${publicBase}${name}`);
    rules.push(
      `@font-face{font-family:'Kiosk Noto Sans SC';src:url(${publicBase}${name}) format('woff2');` +
        `font-weight:${weights};font-display:swap;unicode-range:${range}}`,
    );
  }
  return { css: rules.join('\n'), urls };
}
