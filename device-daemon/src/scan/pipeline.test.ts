import { describe, expect, it } from 'vitest';
import { PagePipeline } from './pipeline';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A promise with its resolve outside, for finishing "compression" in a chosen order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('PagePipeline', () => {
  it('lets `depth` raw pages exist at once, the next scan waits, and a slot reuses its buffer', async () => {
    const p = new PagePipeline(2);
    const a = await p.slot();
    const b = await p.slot();
    let third: Awaited<ReturnType<typeof p.slot>> | undefined;
    void p.slot().then((s) => (third = s));
    await tick();
    expect(third).toBeUndefined();
    const pixels = a.allocate(1000);
    a.release();
    a.release(); // twice is once
    await tick();
    expect(third).toBeDefined();
    // the waiting scan got a's room: the same memory, no new megabytes
    expect(third!.allocate(800).buffer).toBe(pixels.buffer);
    expect(third!.allocate(2000).length).toBe(2000);
    b.release();
    third!.release();
    expect([(await p.slot()), (await p.slot())]).toHaveLength(2);
  });

  it('stores pages in scan order whichever finishes compressing first; a failure stops only its own page', async () => {
    const p = new PagePipeline(3);
    const stored: string[] = [];
    const store = async (name: string) => void stored.push(name);
    const [one, two, three] = [deferred<string>(), deferred<string>(), deferred<string>()];
    const jobs = [p.inOrder(one.promise, store), p.inOrder(two.promise, store), p.inOrder(three.promise, store)];
    three.resolve('3');
    two.reject(new Error('sharp failed'));
    await tick();
    expect(stored).toEqual([]); // page 1 is not compressed yet: nothing after it may be stored
    one.resolve('1');
    const outcomes = await Promise.allSettled(jobs);
    expect(stored).toEqual(['1', '3']);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('counts the new pages in flight per submission and says when they have all settled', async () => {
    const p = new PagePipeline(2);
    const first = deferred<void>();
    const retake = deferred<void>();
    p.track('s1', first.promise, true);
    p.track('s1', retake.promise, false);
    expect(p.pendingPages('s1')).toBe(1);
    expect(p.pendingPages('s2')).toBe(0);
    expect(p.busySubmission()).toBe('s1');
    let settled = false;
    void p.settled('s1').then(() => (settled = true));
    first.resolve();
    await tick();
    expect(settled).toBe(false);
    expect(p.pendingPages('s1')).toBe(0);
    retake.reject(new Error('failed jobs settle too'));
    await tick();
    expect(settled).toBe(true);
    expect(p.busySubmission()).toBeUndefined();
  });
});
