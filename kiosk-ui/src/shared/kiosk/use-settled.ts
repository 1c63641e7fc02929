import { useEffect, useState } from 'react';

/** How long a busy kiosk waits at most for an idle moment before what comes after hydration is mounted anyway. */
const AT_MOST_MS = 500;

/**
 * False while the page hydrates home (and in the HTML made at build time), true at the first idle moment after
 * (at most half a second later on a busy kiosk; at once in a page not on screen, which may be given no idle
 * moment). What home needs only once it is on screen and live (the daemon's facts and events, the attract screen)
 * is mounted then, so its code is neither in the script home waits for nor run before home answers a tap
 * (issue 11 #14).
 */
export function useSettled(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (document.visibilityState === 'hidden') return setSettled(true);
    const settle = () => setSettled(true);
    const timer = setTimeout(settle, AT_MOST_MS);
    const idle = window.requestIdleCallback?.(settle, { timeout: AT_MOST_MS });
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
  return settled;
}
