import { useEffect, useState } from 'react';

/**
 * The hall's wall clock, re-rendered every second, formatted in the hall's time zone (Chinese words).
 * `withSeconds` adds seconds to the time (the hall display shows them; the kiosk header does not).
 */
export function useClock(timeZone = 'Asia/Shanghai', withSeconds = false): { date: string; time: string } {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  return {
    date: now.toLocaleDateString('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }),
    time: now.toLocaleTimeString('zh-CN', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hour12: false,
    }),
  };
}
