import { useSyncExternalStore } from 'react';

/** One timer for every clock on the page, running while any is shown. */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
/** The current second: the same value for every read within it, so React sees a stable snapshot. */
const second = () => Math.floor(Date.now() / 1000);
/** Home's HTML is made at build time (app/prerender.tsx): no time in it, and hydration draws none at first. */
const noTime = () => null;

/**
 * The hall's wall clock, re-rendered every second, formatted in the hall's time zone (Chinese words); empty in
 * the prerendered home until the page has hydrated it. `withSeconds` adds seconds to the time (the hall display
 * shows them; the kiosk header does not).
 */
export function useClock(timeZone = 'Asia/Shanghai', withSeconds = false): { date: string; time: string } {
  const now = useSyncExternalStore(subscribe, second, noTime);
  if (now === null) return { date: '', time: '' };
  const at = new Date(now * 1000);
  return {
    date: at.toLocaleDateString('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }),
    time: at.toLocaleTimeString('zh-CN', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hour12: false,
    }),
  };
}
