import { useEffect, useRef, useState } from 'react';
import { events } from '@/shared/api/events';
import { useEvent } from '@/shared/api/use-event';
import { useQuery } from '@/shared/api/use-query';
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
 * The hall display's data: the last calls and waiting counts from the daemon, refetched on `queue.*` events
 * (which in hall-wide mode include other daemons' counters) and after a reconnection of this page's socket or
 * of the daemon's hall-wide link (events may be lost); each call is shown and announced aloud as it comes.
 */
export function useHallBoard(): HallBoard {
  const stale = { refetchOn: ['queue.*', 'hall.link'] } as const;
  const calls = useQuery('display.calls', () => fetchRecentCalls(RECENT), stale);
  const waiting = useQuery('display.waiting', fetchWaiting, stale);
  const [live, setLive] = useState<{ current?: Call; flash: number }>({ flash: 0 });
  const [connected, setConnected] = useState(events.connected);
  const announcer = useRef<Announcer | undefined>(undefined);

  useEffect(() => {
    announcer.current = new Announcer();
    events.start();
    setConnected(events.connected);
    const off = events.onConnection(setConnected);
    return () => {
      off();
      announcer.current?.stop();
    };
  }, []);

  useEvent('queue.called', (e) => {
    const call: Call = { number: e.number, counter: e.counter, categoryId: e.categoryId, recall: e.recall, calledAt: new Date().toISOString() };
    setLive((s) => ({ current: call, flash: s.flash + 1 }));
    announcer.current?.announce(call);
  });

  const recent = (calls.data?.calls ?? []).reduceRight<Call[]>((list, c) => remember(list, c), []);
  // The call just made leads the list until the refetch that follows it arrives.
  const call = live.current;
  const listed = call && recent.some((c) => c.number === call.number && c.counter === call.counter);
  const shown = call && !listed ? remember(recent, call) : recent;
  return { current: live.current ?? recent[0], recent: shown, waiting: waiting.data?.categories ?? [], flash: live.flash, connected };
}
