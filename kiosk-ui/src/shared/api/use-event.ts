import { useEffect, useRef } from 'react';
import { events, type KioskEvent } from './events';

/** Calls `handler` for every event of the given type(s) while the component is mounted. */
export function useEvent(types: string | string[], handler: (event: KioskEvent) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  const key = Array.isArray(types) ? types.join(',') : types;
  useEffect(() => {
    const wanted = new Set(key.split(','));
    return events.subscribe((e) => wanted.has(e.type) && ref.current(e));
  }, [key]);
}
