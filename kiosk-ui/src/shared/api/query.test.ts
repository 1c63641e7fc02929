import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { Query } from './query';
import { matches, type EventOf } from './events';

/** A fetcher whose answers the test gives one by one, recording the signal of each call. */
function scripted<T>() {
  const calls: { signal: AbortSignal; resolve(v: T): void; reject(e: unknown): void }[] = [];
  const fetcher = (signal: AbortSignal) => new Promise<T>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { calls, fetcher };
}
const down = () => new ApiError('NETWORK', '无法连接本机服务', 0);
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('Query', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads, then keeps the data while a refetch runs', async () => {
    const { calls, fetcher } = scripted<string[]>();
    const q = new Query(fetcher);
    q.start();
    expect(q.getState()).toEqual({ data: undefined, error: undefined, loading: true });
    calls[0]!.resolve(['A']);
    await flush();
    expect(q.getState()).toEqual({ data: ['A'], error: undefined, loading: false });
    q.refetch();
    expect(q.getState()).toMatchObject({ data: ['A'], loading: true });
  });

  it('retries with backoff while the daemon is unreachable, and recovers by itself', async () => {
    const { calls, fetcher } = scripted<string>();
    const q = new Query(fetcher, { retryMs: [1000, 2000] });
    q.start();
    calls[0]!.reject(down());
    await flush();
    expect(q.getState().error?.code).toBe('NETWORK');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]!.reject(down());
    await flush();
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    calls[2]!.resolve('ok');
    await flush();
    expect(q.getState()).toEqual({ data: 'ok', error: undefined, loading: false });
  });

  it('fetches at once when the daemon answers again, and not when it had not failed', async () => {
    const { calls, fetcher } = scripted<string>();
    const q = new Query(fetcher, { retryMs: [60_000] });
    q.start();
    calls[0]!.resolve('a');
    await flush();
    q.recover();
    expect(calls).toHaveLength(1);
    q.refetch();
    calls[1]!.reject(down());
    await flush();
    q.recover();
    expect(calls).toHaveLength(3);
  });

  it('does not retry a refusal: asking again would get the same answer', async () => {
    const { calls, fetcher } = scripted<string>();
    const q = new Query(fetcher, { retryMs: [10] });
    q.start();
    calls[0]!.reject(new ApiError('TICKET_NOT_FOUND', '没有这张号票', 404));
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    expect(q.getState().error?.code).toBe('TICKET_NOT_FOUND');
  });

  it('coalesces a burst of refetches into one more fetch after the one in flight', async () => {
    const { calls, fetcher } = scripted<number>();
    const q = new Query(fetcher);
    q.start();
    q.refetch();
    q.refetch();
    q.refetch();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(1);
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(2);
    await flush();
    expect(calls).toHaveLength(2);
    expect(q.getState().data).toBe(2);
  });

  it('aborts on stop and ignores the stopped fetch\'s answer; polls with an interval', async () => {
    const { calls, fetcher } = scripted<number>();
    const q = new Query(fetcher, { intervalMs: 5000 });
    q.start();
    calls[0]!.resolve(1);
    await flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    q.stop();
    expect(calls[1]!.signal.aborted).toBe(true);
    calls[1]!.resolve(2);
    await flush();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(q.getState().data).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it('tells subscribers of every change and takes data set by the screen', () => {
    const q = new Query<number>(() => new Promise(() => undefined));
    let told = 0;
    const off = q.subscribe(() => told++);
    q.setData((n) => (n ?? 0) + 1);
    off();
    q.setData((n) => (n ?? 0) + 1);
    expect(told).toBe(1);
    expect(q.getState().data).toBe(2);
  });
});

describe('event patterns', () => {
  it('match a type exactly or an area with .*', () => {
    expect(matches('queue.*', 'queue.ticket.issued')).toBe(true);
    expect(matches('queue.*', 'scan.page')).toBe(false);
    expect(matches('queue.called', 'queue.called')).toBe(true);
    expect(matches('queue.called', 'queue.counter')).toBe(false);
  });
});

/** Never called: `npm run typecheck` fails if an event pattern or handler accepts what the daemon never sends. */
export function wrongEventsFailTypecheck(): void {
  // @ts-expect-error no such area of events
  matches('queu.*', 'queue.called');
  // @ts-expect-error no such event
  matches('queue.calledd', 'queue.called');
  const handler = (e: EventOf<'queue.called'>): number => e.counter;
  // @ts-expect-error a card event is not a call
  handler({ type: 'card.removed', at: '' });
}
