import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Counts down from `seconds`, restarting on every touch or key press anywhere on the page, and calls
 * `onExpire` once at zero. `paused` holds it (e.g. while printing or scanning: the person is waiting on us;
 * a page drawn in advance, not yet shown) and it starts afresh when let go.
 */
export function useCountdown(seconds: number, onExpire: () => void, paused = false): { left: number; restart(): void } {
  const [left, setLeft] = useState(seconds);
  const deadline = useRef(Date.now() + seconds * 1000);
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;

  const restart = useCallback(() => {
    deadline.current = Date.now() + seconds * 1000;
    expired.current = false;
    setLeft(seconds);
  }, [seconds]);

  useEffect(() => {
    restart();
    const activity = () => restart();
    window.addEventListener('pointerdown', activity);
    window.addEventListener('keydown', activity);
    return () => {
      window.removeEventListener('pointerdown', activity);
      window.removeEventListener('keydown', activity);
    };
  }, [restart]);

  useEffect(() => {
    // Held, or just let go: the whole time again from now (a page shown after minutes on standby, or after a
    // print the person waited for, does not start with its time already spent).
    restart();
    if (paused) return;
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0 && !expired.current) {
        expired.current = true;
        onExpireRef.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [paused, restart]);

  return { left, restart };
}
