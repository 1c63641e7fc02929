import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { events } from '../../shared/api/events';
import { counterAction, fetchCategories, fetchCounter, loadToken, saveToken, type CategoryCount, type CounterAction, type CounterView } from './api';
import { fetchDuty, signOut, switchPost, whoAmI, type CounterDuty } from './staff-api';

export interface CounterPageState {
  view: CounterView | undefined;
  categories: CategoryCount[];
  token: string;
  busy: boolean;
  /** The daemon's message of the last refused action, in its words. */
  error: string | undefined;
  /** No valid token yet (none typed, or the daemon said 401/403). */
  needsToken: boolean;
  /** Who is on duty here (AB岗), and who signed in in this browser (undefined with the window's own token). */
  duty: CounterDuty | undefined;
  me: { id: string; name: string; post: 'A' | 'B' } | undefined;
}

/**
 * A counter page's data and actions. The view is refetched on `queue.*` events, since another page or daemon
 * (hall-wide mode) may change the queue; actions answer with the new view.
 */
export function useCounter(counter: number) {
  const [state, setState] = useState<CounterPageState>(() => {
    const token = loadToken(counter);
    return { view: undefined, categories: [], token, busy: false, error: undefined, needsToken: !token, duty: undefined, me: undefined };
  });

  const refresh = useCallback(() => {
    fetchCounter(counter).then(
      ({ counter: view }) => setState((s) => ({ ...s, view })),
      (err: ApiError) => setState((s) => ({ ...s, error: err.message })),
    );
    fetchCategories().then(({ categories }) => setState((s) => ({ ...s, categories })), () => undefined);
    fetchDuty(counter).then(({ duty }) => setState((s) => ({ ...s, duty })), () => undefined);
  }, [counter]);

  // Whose token this browser holds: a signed-in person's, or the window's own (then `me` stays undefined).
  useEffect(() => {
    if (!state.token) return;
    whoAmI(counter, state.token).then(
      (r) => setState((s) => ({ ...s, me: { ...r.staff, post: r.post } })),
      () => setState((s) => ({ ...s, me: undefined })),
    );
  }, [counter, state.token]);

  useEffect(() => {
    events.start();
    refresh();
    const off = events.subscribe((e) => {
      if (e.type.startsWith('queue.') || e.type === 'hall.link' || (e.type === 'counter.duty' && e.counter === counter)) refresh();
    });
    const offConn = events.onConnection((up) => up && refresh());
    return () => {
      off();
      offConn();
    };
  }, [refresh, counter]);

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

  /** 退出登录: ends the session at the daemon (a window token is only forgotten in this browser). */
  const leave = useCallback(async () => {
    if (state.me) await signOut(counter, state.token).catch(() => undefined);
    setToken('');
  }, [counter, state.me, state.token, setToken]);

  const switchTo = useCallback(
    (post: 'A' | 'B') => {
      switchPost(counter, state.token, post).then(
        ({ duty }) => setState((s) => ({ ...s, duty })),
        (err: ApiError) => setState((s) => ({ ...s, error: err.message })),
      );
    },
    [counter, state.token],
  );

  return { ...state, run, setToken, refresh, leave, switchTo };
}
