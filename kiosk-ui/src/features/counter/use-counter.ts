import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { events } from '../../shared/api/events';
import { useQuery } from '../../shared/api/use-query';
import { counterAction, fetchCategories, fetchCounter, fetchTokenStatus, loadToken, saveToken, type CounterAction } from './api';

interface CounterPageState {
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
    return { token, busy: false, error: undefined, needsToken: !token };
  });
  const stale = { refetchOn: ['queue.*', 'hall.link'] } as const;
  const view = useQuery(`counter.${counter}`, () => fetchCounter(counter), stale);
  const categories = useQuery('counter.categories', fetchCategories, stale);
  const tokenStatus = useQuery(`counter.${counter}.token`, () => fetchTokenStatus(counter));
  useEffect(() => events.start(), []);

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
        const answer = await counterAction(counter, state.token, action, body);
        view.setData(() => answer);
        setState((s) => ({ ...s, busy: false }));
      } catch (err) {
        const e = err as ApiError;
        const auth = e.status === 401 || e.status === 403;
        if (auth) saveToken(counter, '');
        setState((s) => ({ ...s, busy: false, error: e.message, needsToken: auth || s.needsToken, token: auth ? '' : s.token }));
      }
    },
    [counter, state.token, view],
  );

  return {
    ...state,
    view: view.data?.counter,
    categories: categories.data?.categories ?? [],
    /** No staff token is set for this counter: nothing typed could open it. */
    locked: tokenStatus.data?.configured === false,
    error: state.error ?? view.error?.message,
    run,
    setToken,
    refresh: view.refetch,
  };
}
