import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { events } from '../../shared/api/events';
import { counterAction, fetchCategories, fetchCounter, loadToken, saveToken, type CategoryCount, type CounterAction, type CounterView } from './api';

export interface CounterPageState {
  view: CounterView | undefined;
  categories: CategoryCount[];
  token: string;
  busy: boolean;
  /** The daemon's message of the last refused action, in its words. */
  error: string | undefined;
  /** No valid token yet (none typed, or the daemon said 401/403). */
  needsToken: boolean;
}

/**
 * A counter page's data and actions. The view is refetched on `queue.*` events, since another page or daemon
 * (hall-wide mode) may change the queue; actions answer with the new view.
 */
export function useCounter(counter: number) {
  const [state, setState] = useState<CounterPageState>(() => {
    const token = loadToken(counter);
    return { view: undefined, categories: [], token, busy: false, error: undefined, needsToken: !token };
  });

  const refresh = useCallback(() => {
    fetchCounter(counter).then(
      ({ counter: view }) => setState((s) => ({ ...s, view })),
      (err: ApiError) => setState((s) => ({ ...s, error: err.message })),
    );
    fetchCategories().then(({ categories }) => setState((s) => ({ ...s, categories })), () => undefined);
  }, [counter]);

  useEffect(() => {
    events.start();
    refresh();
    const off = events.subscribe((e) => {
      if (e.type.startsWith('queue.') || e.type === 'hall.link') refresh();
    });
    const offConn = events.onConnection((up) => up && refresh());
    return () => {
      off();
      offConn();
    };
  }, [refresh]);

  const setToken = useCallback(
    (token: string) => {
      saveToken(counter, token);
      setState((s) => ({ ...s, token, needsToken: !token, error: undefined }));
    },
    [counter],
  );

  const run = useCallback(
    async (action: CounterAction, body?: Record<string, unknown>) => {
      setState((s) => ({ ...s, busy: true, error: undefined }));
      try {
        const { counter: view } = await counterAction(counter, state.token, action, body);
        setState((s) => ({ ...s, view, busy: false }));
      } catch (err) {
        const e = err as ApiError;
        const auth = e.status === 401 || e.status === 403;
        if (auth) saveToken(counter, '');
        setState((s) => ({ ...s, busy: false, error: e.message, needsToken: auth || s.needsToken, token: auth ? '' : s.token }));
      }
    },
    [counter, state.token],
  );

  return { ...state, run, setToken, refresh };
}
