import { useEffect, useState } from 'react';

/**
 * False while the page hydrates home (and in the HTML made at build time), true at the first idle moment after
 * (at most half a second later on a busy kiosk). What home needs only once it is on screen and live (the
 * daemon's facts and events, the attract screen) is mounted then, so its code is neither in the script home
 * waits for nor run before home answers a tap (issue 11 #14).
 */
export function useSettled(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!window.requestIdleCallback) {
      const timer = setTimeout(() => setSettled(true), 200);
      return () => clearTimeout(timer);
    }
    const id = window.requestIdleCallback(() => setSettled(true), { timeout: 500 });
    return () => window.cancelIdleCallback(id);
  }, []);
  return settled;
}
