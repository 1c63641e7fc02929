import { useEffect, useState } from 'react';
import { api } from '@/shared/api/client';
import type { WhatIfReply, WindowPlan } from '@daemon/estimate/types';
import type { CategoryView } from '@daemon/queue/types';
import { sessionEnded } from './api';
import type { TabProps } from './ManagePage';

const yesterday = () => new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE');
const minutes = (m: number | null) => (m === null ? '无窗口办理' : `${m} 分钟`);

/**
 * 推演 (hall twin, issue 14 #7): the manager picks a past day, opens or closes windows and changes which
 * categories each serves; the daemon replays that day's arrivals by the hall's rules, as configured and as
 * planned (`POST /api/manage/estimate/what-if`), and the table shows the waits per category before and after.
 * Loaded lazily: only a manager opening this tab downloads it.
 */
export default function WhatIfTab({ session, onSignedOut }: TabProps) {
  const headers = { authorization: `Bearer ${session.token}` };
  const [date, setDate] = useState(yesterday);
  const [plan, setPlan] = useState<(WindowPlan & { open: boolean })[]>([]);
  const [names, setNames] = useState<{ id: string; name: string }[]>([]);
  const [result, setResult] = useState<WhatIfReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const failed = (err: unknown) => (sessionEnded(err) ? onSignedOut() : setError(err instanceof Error ? err.message : '推演失败'));

  useEffect(() => {
    void Promise.all([
      api<{ windows: WindowPlan[] }>('/api/manage/estimate/what-if', { headers }),
      api<{ categories: CategoryView[] }>('/api/queue/categories'),
    ]).then(([p, c]) => {
      setPlan(p.windows.map((w) => ({ ...w, open: true })));
      setNames(c.categories.map((x) => ({ id: x.id, name: x.name })));
    }).catch(failed);
    // Once per session: the plan starts from the configuration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.token]);

  const toggle = (counter: number, category: string) =>
    setPlan((p) => p.map((w) => (w.counter !== counter ? w : {
      ...w, categories: w.categories.includes(category) ? w.categories.filter((c) => c !== category) : [...w.categories, category].sort(),
    })));
  const run = () => {
    setBusy(true);
    setError('');
    const windows = plan.filter((w) => w.open).map(({ counter, categories }) => ({ counter, categories }));
    api<WhatIfReply>('/api/manage/estimate/what-if', { method: 'POST', body: { date, windows }, headers })
      .then(setResult, failed)
      .finally(() => setBusy(false));
  };

  return (
    <section className="mg-stats" aria-label="推演">
      <p>选一个过去的日子，调整窗口开放与各窗口办理的业务，按当天的取号记录重新推演，比较各业务的等候时间。</p>
      <label>
        日期 <input type="date" value={date} max={yesterday()} onChange={(e) => setDate(e.target.value)} />
      </label>
      <table className="mg-table">
        <thead><tr><th>窗口</th><th>开放</th>{names.map((c) => <th key={c.id}>{c.id} {c.name}</th>)}</tr></thead>
        <tbody>
          {plan.map((w) => (
            <tr key={w.counter}>
              <td>{w.counter} 号窗口</td>
              <td>
                <input type="checkbox" aria-label={`${w.counter} 号窗口开放`} checked={w.open}
                  onChange={() => setPlan((p) => p.map((x) => (x.counter === w.counter ? { ...x, open: !x.open } : x)))} />
              </td>
              {names.map((c) => (
                <td key={c.id}>
                  <input type="checkbox" aria-label={`${w.counter} 号窗口办理${c.name}`} disabled={!w.open}
                    checked={w.categories.includes(c.id)} onChange={() => toggle(w.counter, c.id)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button className="mg-primary" disabled={busy || plan.length === 0} onClick={run}>{busy ? '推演中…' : '开始推演'}</button>
      {error ? <p className="mg-error" role="alert">{error}</p> : null}
      {result ? (
        <table className="mg-table" aria-label="推演结果">
          <caption>{result.date}，共 {result.tickets} 张号（平均等候 / 八成人不超过）</caption>
          <thead><tr><th>业务</th><th>取号</th><th>当天实际</th><th>现行安排</th><th>调整后</th></tr></thead>
          <tbody>
            {result.categories.map((c) => (
              <tr key={c.categoryId}>
                <td>{c.categoryId} {c.name}</td>
                <td>{c.tickets}</td>
                <td>{c.recordedMeanMinutes === null ? '—' : `${c.recordedMeanMinutes} 分钟`}</td>
                <td>{minutes(c.before.meanMinutes)} / {minutes(c.before.p80Minutes)}</td>
                <td>
                  {minutes(c.after.meanMinutes)} / {minutes(c.after.p80Minutes)}
                  {c.after.unserved > 0 ? `（${c.after.unserved} 人无窗口办理）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
