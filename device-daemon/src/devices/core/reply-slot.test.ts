import { describe, expect, it } from 'vitest';
import { ReplySlot } from './reply-slot';
import { SerialQueue } from './serial-queue';

describe('ReplySlot', () => {
  it('settles once: an answer wins over the later deadline, a second answer is not taken', async () => {
    const slot = new ReplySlot<number | undefined>();
    const p = slot.wait(30, () => undefined);
    expect(slot.waiting).toBe(true);
    expect(slot.answer(7)).toBe(true);
    expect(slot.answer(8)).toBe(false);
    await expect(p).resolves.toBe(7);
    await new Promise((r) => setTimeout(r, 40));
    expect(slot.waiting).toBe(false);
  });

  it('gives the timeout value, or rejects when onTimeout throws, and fails a superseded wait', async () => {
    const slot = new ReplySlot<string>();
    await expect(slot.wait(5, () => 'late')).resolves.toBe('late');
    await expect(slot.wait(5, () => { throw new Error('no reply'); })).rejects.toThrow('no reply');
    const first = slot.wait(1000, () => 'x');
    const second = slot.wait(1000, () => 'y');
    await expect(first).rejects.toThrow(/superseded/);
    slot.fail(new Error('device gone'));
    await expect(second).rejects.toThrow('device gone');
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, a failure not stopping the next', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => {
        log.push(`start ${name}`);
        setTimeout(() => (log.push(`end ${name}`), fail ? reject(new Error(name)) : resolve(name)), ms);
      });
    const results = await Promise.allSettled([q.run(task('a', 20)), q.run(task('b', 1, true)), q.run(task('c', 1))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
