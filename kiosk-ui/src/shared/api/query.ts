import { ApiError } from './client';

export interface QueryState<T> {
  /** The last answer; kept while a refetch runs or fails, so a screen does not blank out. */
  data: T | undefined;
  /** The last failure; cleared by the next answer. */
  error: ApiError | undefined;
  /** A fetch is in flight. */
  loading: boolean;
}

export interface QueryTiming {
  /** Fetch again this long after every answer (the phone page's polling); none by default. */
  intervalMs?: number;
  /** Waits between retries of a failing fetch, the last one repeated: the daemon may be restarting. */
  retryMs?: readonly number[];
}

const RETRY_MS = [1000, 2000, 4000, 8000, 15_000];

/** A refusal (4xx) will not change by asking again; an unreachable or failing daemon (0, 5xx) may. */
const retryable = (err: ApiError) => err.status === 0 || err.status >= 500;

/**
 * One piece of server data, framework-free (the `useQuery` hook wires it to React and to the daemon's events):
 * fetches on `start`, retries with backoff while the daemon cannot answer, coalesces refetches asked for while
 * a fetch runs into one more fetch, and aborts what is in flight on `stop`.
 */
export class Query<T> {
  private state: QueryState<T> = { data: undefined, error: undefined, loading: false };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private again = false;
  private failures = 0;
  private running = false;

  constructor(
    private readonly fetcher: (signal: AbortSignal) => Promise<T>,
    private readonly timing: QueryTiming = {},
  ) {}

  getState = (): QueryState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    this.running = true;
    this.refetch();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = undefined;
    this.again = false;
  }

  /** Fetches now, or once more after the fetch in flight (a burst of events costs at most one extra fetch). */
  refetch = (): void => {
    if (!this.running) return;
    if (this.controller) return void (this.again = true);
    clearTimeout(this.timer);
    const controller = new AbortController();
    this.controller = controller;
    this.set({ loading: true });
    this.fetcher(controller.signal).then(
      (data) => this.settle(controller, () => {
        this.failures = 0;
        this.set({ data, error: undefined, loading: false });
        if (this.timing.intervalMs) this.schedule(this.timing.intervalMs);
      }),
      (err: unknown) => this.settle(controller, () => {
        const error = err instanceof ApiError ? err : new ApiError('UNKNOWN', String(err), 0);
        this.set({ error, loading: false });
        const waits = this.timing.retryMs ?? RETRY_MS;
        if (retryable(error) && waits.length) this.schedule(waits[Math.min(this.failures++, waits.length - 1)]!);
      }),
    );
  };

  /** The daemon is reachable again: a query that failed fetches at once instead of waiting out its backoff. */
  recover(): void {
    if (this.state.error && !this.controller) this.refetch();
  }

  /** An answer the screen already has (an action's response, an event's payload) replaces the data. */
  setData(update: (data: T | undefined) => T): void {
    this.set({ data: update(this.state.data), error: undefined });
  }

  private settle(controller: AbortController, apply: () => void): void {
    if (controller !== this.controller) return; // stopped or superseded: its answer is stale
    this.controller = undefined;
    apply();
    if (this.again) {
      this.again = false;
      this.refetch();
    }
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.refetch, ms);
  }

  private set(patch: Partial<QueryState<T>>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }
}
