import { useCallback, useEffect, useRef, useState } from 'react';
import { events, type KioskEvent } from '../../shared/api/events';
import { fetchRecentCalls, fetchWaiting, type Call, type WaitingCategory } from './api';
import { Announcer } from './announce';

/** How many past calls the display lists so nobody misses one. */
export const RECENT = 8;

export interface HallBoard {
  current: Call | undefined;
  /** Newest first; recalls of a number move it to the top instead of listing it twice. */
  recent: Call[];
  waiting: WaitingCategory[];
  /** Changes on every call, so the current call flashes again even for the same number (重呼). */
  flash: number;
  connected: boolean;
}

function remember(list: Call[], call: Call): Call[] {
  return [call, ...list.filter((c) => !(c.number === call.number && c.counter === call.counter))].slice(0, RECENT);
}

/**
 * The hall display's data: the last calls and waiting counts from the daemon, kept current by `queue.*` events
 * (which in hall-wide mode include other daemons' counters), announced aloud as they come. After a reconnection
 * (of this page's socket, or of the daemon's hall-wide link) everything is fetched again: events may be lost.
 */
export function useHallBoard(): HallBoard {
  const [state, setState] = useState<HallBoard>({ current: undefined, recent: [], waiting: [], flash: 0, connected: false });
  const announcer = useRef<Announcer | undefined>(undefined);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const loadWaiting = useCallback(() => {
    clearTimeout(refreshTimer.current);
    // Calls and issues come in bursts: one fetch for a burst.
    refreshTimer.current = setTimeout(() => {
      fetchWaiting().then(({ categories }) => setState((s) => ({ ...s, waiting: categories })), () => undefined);
    }, 200);
  }, []);

  const loadAll = useCallback(() => {
    fetchRecentCalls(RECENT).then(
      ({ calls }) => {
        const deduped = calls.reduceRight<Call[]>((list, c) => remember(list, c), []);
        setState((s) => ({ ...s, recent: deduped, current: s.current ?? deduped[0] }));
      },
      () => undefined,
    );
    loadWaiting();
  }, [loadWaiting]);

  useEffect(() => {
    announcer.current = new Announcer();
    events.start();
    loadAll();
    const onEvent = (e: KioskEvent) => {
      if (e.type === 'queue.called') {
        const call: Call = {
          number: String(e.number),
          counter: Number(e.counter),
          categoryId: String(e.categoryId),
          recall: Boolean(e.recall),
          calledAt: new Date().toISOString(),
        };
        setState((s) => ({ ...s, current: call, recent: remember(s.recent, call), flash: s.flash + 1 }));
        announcer.current?.announce(call);
      }
      if (e.type.startsWith('queue.')) loadWaiting();
      if (e.type === 'hall.link' && e.state === 'up') loadAll();
    };
    const offEvents = events.subscribe(onEvent);
    const offConn = events.onConnection((connected) => {
      setState((s) => ({ ...s, connected }));
      if (connected) loadAll();
    });
    setState((s) => ({ ...s, connected: events.connected }));
    return () => {
      offEvents();
      offConn();
      announcer.current?.stop();
      clearTimeout(refreshTimer.current);
    };
  }, [loadAll, loadWaiting]);

  return state;
}
