import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const moduleUrl = path.join(import.meta.dirname, 'young-collection.ts');

/**
 * A node process of its own (vitest's workers have no `gc`), idle but for the calls, that reports each garbage
 * collection V8 made after them: kind 1 is a young-generation (minor) collection, 4 a major one.
 */
async function collectionsAfter(flags: string[], calls: string): Promise<{ returned: boolean[]; kinds: number[]; afterMs: number[] }> {
  const script = `
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    const { collectYoungSoon } = await import(${JSON.stringify(moduleUrl)});
    const seen = [];
    new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ entryTypes: ['gc'] });
    const t0 = performance.now();
    const returned = [${calls}];
    setTimeout(() => {
      console.log(JSON.stringify({ returned, kinds: seen.map((e) => e.detail.kind), afterMs: seen.map((e) => e.startTime - t0), minor: constants.NODE_PERFORMANCE_GC_MINOR }));
    }, 300);
  `;
  const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { returned: boolean[]; kinds: number[]; afterMs: number[] };
}

describe('collecting the young generation when a card leaves', () => {
  it('collects it once, shortly after, for calls that come together', async () => {
    const seen = await collectionsAfter(['--expose-gc'], 'collectYoungSoon(), collectYoungSoon(), collectYoungSoon()');
    expect(seen.returned).toEqual([true, true, true]);
    expect(seen.kinds).toEqual([1]);
    // Not at once: the card's removal goes to the screen first.
    expect(seen.afterMs[0]).toBeGreaterThanOrEqual(15);
    expect(seen.afterMs[0]).toBeLessThan(250);
  });

  it('does nothing where node runs without --expose-gc', async () => {
    const seen = await collectionsAfter([], 'collectYoungSoon()');
    expect(seen.returned).toEqual([false]);
    expect(seen.kinds).toEqual([]);
  });
});
