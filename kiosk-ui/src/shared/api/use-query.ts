import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { onReachability } from './client';
import { events, matches, type EventPattern } from './events';
import { Query, type QueryState, type QueryTiming } from './query';

export interface QueryOptions extends QueryTiming {
  /** Events after which the data is stale: `['queue.*', 'hall.link']`. */
  refetchOn?: readonly EventPattern[];
}

export interface QueryResult<T> extends QueryState<T> {
  refetch(): void;
  /** Puts an answer the screen already has (an action's response, an event) in place of the data. */
  setData(update: (data: T | undefined) => T): void;
}

const idle = new Query<never>(() => new Promise(() => undefined));

/**
 * Server data for a screen: `useQuery('queue.categories', fetchCategories, { refetchOn: ['queue.*'] })`.
 * Fetches on mount and when `key` changes (a `null` key waits), aborts on unmount, refetches on the named
 * events, after the event socket reconnects (events were missed) and as soon as the daemon answers again when
 * it had failed, and retries with backoff meanwhile: a screen opened while the daemon was down recovers by
 * itself. Our own ~100 lines rather than TanStack Query: the kiosk page must stay small (≤ 70 KB gzipped),
 * and refetching on the daemon's events is the part a generic cache would not know anyway.
 */
export function useQuery<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>, options: QueryOptions = {}): QueryResult<T> {
  const latest = useRef({ fetcher, options });
  latest.current = { fetcher, options };
  // One Query per key: a new key (another ticket, another card session) starts afresh.
  const q = useMemo(() => {
    if (key === null) return idle as Query<T>;
    const { intervalMs, retryMs } = latest.current.options;
    return new Query<T>((signal) => latest.current.fetcher(signal), { intervalMs, retryMs });
  }, [key]);
  useEffect(() => {
    if (q === idle) return;
    q.start();
    const offEvents = events.subscribe((e) => {
      if (latest.current.options.refetchOn?.some((p) => matches(p, e.type))) q.refetch();
    });
    const offConnection = events.onConnection((up) => up && q.refetch());
    const offReach = onReachability((ok) => ok && q.recover());
    return () => {
      offEvents();
      offConnection();
      offReach();
      q.stop();
    };
  }, [q]);

  // The server snapshot is the query's first state: home is rendered to HTML at build time (app/prerender.tsx).
  const state = useSyncExternalStore(q.subscribe, q.getState, q.getState);
  return { ...state, refetch: q.refetch, setData: (u) => q.setData(u) };
}
