import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own: no file points at documents that live outside it (the planning folder beside
 * the checkout), and every relative link in the Markdown we ship leads to a file that exists.
 */
const root = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && existsSync(path.join(root, f)));
const text = (f: string) => readFileSync(path.join(root, f), 'utf8');
const isText = (f: string) => /\.(ts|tsx|js|mjs|cjs|json|md|sh|css|html|service|rules|txt)$|(^|\/)(run|[^/.]+)$/.test(f) && !f.endsWith('package-lock.json');

// Names of the planning documents; spelled in pieces so this file does not match itself.
const OUTSIDE_NAMES = [['CONTRACT', 'md'], ['reference/devices', 'md'], ['reference/hall', 'md']].map(([a, b]) => `${a}.${b}`);

describe('documentation stands on its own', () => {
  it('no file outside docs/ names a planning document that is not in the repository', () => {
    const offenders: string[] = [];
    for (const f of tracked.filter((f) => !f.startsWith('docs/') && isText(f))) {
      const body = text(f);
      for (const name of OUTSIDE_NAMES) if (body.includes(name)) offenders.push(`${f}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });

  it('no relative path to a "shared" folder leaves the repository', () => {
    const offenders: string[] = [];
    for (const f of tracked.filter(isText)) {
      for (const m of text(f).matchAll(/((?:\.\.\/)+)shared\b/g)) {
        const target = path.resolve(root, path.dirname(f), `${m[1]}shared`);
        if (!target.startsWith(root + path.sep)) offenders.push(`${f}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every relative Markdown link leads to a file in the repository', () => {
    const broken: string[] = [];
    for (const f of tracked.filter((f) => f.endsWith('.md'))) {
      for (const m of text(f).matchAll(/\]\(([^)\s]+)\)/g)) {
        const href = m[1]!.split('#')[0]!;
        if (!href || /^[a-z]+:/i.test(href)) continue;
        const target = path.resolve(root, path.dirname(f), decodeURI(href));
        if (!target.startsWith(root) || !existsSync(target)) broken.push(`${f}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
