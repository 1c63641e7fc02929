import { useEffect, useState } from 'react';

/**
 * After a while untouched on the home screen, the attract screen invites passers-by; any touch dismisses it.
 */
export function useIdle(seconds: number, enabled: boolean): [boolean, () => void] {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const arm = () => setTimeout(() => setIdle(true), seconds * 1000);
    let timer = arm();
    const activity = () => {
      clearTimeout(timer);
      timer = arm();
    };
    window.addEventListener('pointerdown', activity);
    window.addEventListener('keydown', activity);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', activity);
      window.removeEventListener('keydown', activity);
    };
  }, [seconds, enabled]);
  return [idle, () => setIdle(false)];
}
