import { useEffect, useRef } from 'react';
import { events, type EventOf, type KioskEventType } from './events';

/** Calls `handler` for every event of the given type(s) while the component is mounted; `handler` sees only those. */
export function useEvent<K extends KioskEventType>(types: K | readonly K[], handler: (event: EventOf<K>) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  const key = typeof types === 'string' ? types : types.join(',');
  useEffect(() => {
    const wanted = new Set<string>(key.split(','));
    return events.subscribe((e) => {
      if (wanted.has(e.type)) ref.current(e as EventOf<K>);
    });
  }, [key]);
}
