import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { events } from '@/shared/api/events';
import { useQuery } from '@/shared/api/use-query';
import { counterAction, fetchCategories, fetchCounter, fetchTokenStatus, loadToken, saveToken, type CounterAction } from './api';
import { fetchDuty, signOut, switchPost, whoAmI } from './staff-api';

interface CounterPageState {
  token: string;
  busy: boolean;
  /** The daemon's message of the last refused action, in its words. */
  error: string | undefined;
  /** No valid token yet (none typed, or the daemon said 401/403). */
  needsToken: boolean;
  /** Who signed in in this browser (undefined with the window's own token). */
  me: { id: string; name: string; post: 'A' | 'B' } | undefined;
}

/**
 * A counter page's data and actions. The view is refetched on `queue.*` events, since another page or daemon
 * (hall-wide mode) may change the queue; actions answer with the new view. Who is on duty here (AB岗) is
 * refetched when a window's duty changes.
 */
export function useCounter(counter: number) {
  const [state, setState] = useState<CounterPageState>(() => {
    const token = loadToken(counter);
    return { token, busy: false, error: undefined, needsToken: !token, me: undefined };
  });
  const stale = { refetchOn: ['queue.*', 'hall.link'] } as const;
  const view = useQuery(`counter.${counter}`, () => fetchCounter(counter), stale);
  const categories = useQuery('counter.categories', fetchCategories, stale);
  const duty = useQuery(`counter.${counter}.duty`, () => fetchDuty(counter), { refetchOn: ['counter.duty', 'hall.link'] });
  const tokenStatus = useQuery(`counter.${counter}.token`, () => fetchTokenStatus(counter));
  useEffect(() => events.start(), []);

  // Whose token this browser holds: a signed-in person's, or the window's own (then `me` stays undefined).
  useEffect(() => {
    if (!state.token) return;
    whoAmI(counter, state.token).then(
      (r) => setState((s) => ({ ...s, me: { ...r.staff, post: r.post } })),
      () => setState((s) => ({ ...s, me: undefined })),
    );
  }, [counter, state.token]);

  const setToken = useCallback(
    (token: string) => {
      saveToken(counter, token);
      setState((s) => ({ ...s, token, needsToken: !token, error: undefined, me: token ? s.me : undefined }));
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

  /** 退出登录: ends the session at the daemon (a window token is only forgotten in this browser). */
  const leave = useCallback(async () => {
    if (state.me) await signOut(counter, state.token).catch(() => undefined);
    setToken('');
  }, [counter, state.me, state.token, setToken]);

  const switchTo = useCallback(
    (post: 'A' | 'B') => {
      switchPost(counter, state.token, post).then(
        (answer) => duty.setData(() => answer),
        (err: ApiError) => setState((s) => ({ ...s, error: err.message })),
      );
    },
    [counter, state.token, duty],
  );

  return {
    ...state,
    view: view.data?.counter,
    categories: categories.data?.categories ?? [],
    duty: duty.data?.duty,
    /** No staff token is set for this counter: nothing typed could open it. */
    locked: tokenStatus.data?.configured === false,
    error: state.error ?? view.error?.message,
    run,
    setToken,
    refresh: view.refetch,
    leave,
    switchTo,
  };
}
