import { useCallback, useEffect, useState } from 'react';
import { get } from '@/shared/api/client';
import { events } from '@/shared/api/events';

interface Duty {
  counter: number;
  onDuty: { id: string; name: string; post: 'A' | 'B' } | null;
}

/**
 * 窗口公示: who serves at each window now, name and 工号 (AB岗: the post on duty). Refetched on `counter.duty`
 * and after a reconnection, since events may have been missed.
 */
export function DutyBoard() {
  const [duties, setDuties] = useState<Duty[]>([]);
  const load = useCallback(() => {
    get<{ duties: Duty[] }>('/api/counters/duty').then((r) => setDuties(r.duties), () => undefined);
  }, []);
  useEffect(() => {
    load();
    const off = events.subscribe((e) => e.type === 'counter.duty' && load());
    const offConn = events.onConnection((up) => up && load());
    return () => {
      off();
      offConn();
    };
  }, [load]);
  const staffed = duties.filter((d) => d.onDuty);
  if (staffed.length === 0) return null;
  return (
    <section className="hd-duty" aria-label="窗口公示">
      {staffed.map((d) => (
        <span key={d.counter} className="hd-duty-item" data-testid={`duty-${d.counter}`}>
          {d.counter}号窗口 {d.onDuty!.name} 工号{d.onDuty!.id}{d.onDuty!.post === 'B' ? '（B岗）' : ''}
        </span>
      ))}
    </section>
  );
}
