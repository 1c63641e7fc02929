import { useEffect } from 'react';
import { api } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import type { CategoryView } from '@daemon/queue/types';
import type { CounterView } from '@daemon/counters/types';
import { fetchLive, sessionEnded, type LiveHall } from './api';
import { HelpPanel } from './HelpPanel';
import type { TabProps } from './ManagePage';

interface Duty { counter: number; onDuty: { id: string; name: string; post: string } | null }
interface Live extends LiveHall { categories: CategoryView[]; counters: CounterView[]; duties: Duty[] }

const load = async (token: string): Promise<Live> => {
  const [c, w, d, hall] = await Promise.all([
    api<{ categories: CategoryView[] }>('/api/queue/categories'),
    api<{ counters: CounterView[] }>('/api/counters'),
    api<{ duties: Duty[] }>('/api/counters/duty'),
    fetchLive(token),
  ]);
  return { categories: c.categories, counters: w.counters, duties: d.duties, ...hall };
};

const STATE_NAMES: Record<string, string> = { error: '故障', offline: '离线' };
const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/**
 * 实时大厅: waiting and the longest wait now per category, each window open, paused or serving and who is on
 * duty there, 帮办请求 (rung, taken and closed here), devices in fault on every kiosk. Refetched on the hall's
 * events (tickets, calls, windows, duty, device faults relayed hall-wide), not on a timer.
 */
export function LiveTab({ session, onSignedOut }: TabProps) {
  const live = useQuery(`manage.live.${session.token.slice(0, 8)}`, () => load(session.token), {
    refetchOn: ['queue.*', 'counter.duty', 'device.fault', 'hall.link'],
  });
  const ended = sessionEnded(live.error);
  useEffect(() => { if (ended) onSignedOut(); }, [ended, onSignedOut]);
  const l = live.data;
  if (!l) return live.error ? <p className="mg-error" role="alert">加载失败</p> : <p className="mg-loading">加载中…</p>;
  const duty = new Map(l.duties.map((d) => [d.counter, d.onDuty]));
  const longest = new Map(l.longestWaits.map((w) => [w.categoryId, w]));
  const longestNow = l.longestWaits.reduce((m, w) => Math.max(m, w.minutes), 0);
  return (
    <section className="mg-stats">
      <dl className="mg-cards">
        <div><dt>等候总人数</dt><dd>{l.categories.reduce((n, c) => n + c.waiting, 0)}</dd></div>
        <div><dt>最长等候</dt><dd>{l.longestWaits.length ? `${longestNow} 分钟` : '—'}</dd></div>
        <div><dt>窗口 开放/暂停</dt><dd>{l.counters.filter((c) => c.state === 'open').length} / {l.counters.filter((c) => c.state === 'paused').length}</dd></div>
        <div><dt>办理中</dt><dd>{l.counters.filter((c) => c.current?.state === 'serving').length}</dd></div>
        <div><dt>设备异常</dt><dd>{l.deviceFaults.length}</dd></div>
      </dl>
      <HelpPanel token={session.token} me={session.staff.id} onSignedOut={onSignedOut} />
      <table className="mg-table" aria-label="各类等候">
        <thead><tr><th>事项分类</th><th>等候</th><th>最长等候</th><th>预计等候</th><th>今日余号</th></tr></thead>
        <tbody>{l.categories.map((c) => {
          const w = longest.get(c.id);
          return (
            <tr key={c.id}>
              <td>{c.id} {c.name}</td><td>{c.waiting}</td><td>{w ? `${w.number} 已等 ${w.minutes} 分钟` : '—'}</td>
              <td>{c.estimatedWaitMinutes === null ? '—' : `约 ${c.estimatedWaitMinutes} 分钟`}</td><td>{c.remainingToday}</td>
            </tr>
          );
        })}</tbody>
      </table>
      <table className="mg-table" aria-label="窗口">
        <thead><tr><th>窗口</th><th>状态</th><th>当前号</th><th>在岗</th></tr></thead>
        <tbody>{l.counters.map((c) => {
          const who = duty.get(c.counter);
          return (
            <tr key={c.counter}>
              <td>{c.counter}号窗口</td><td>{c.state === 'paused' ? '暂停' : c.current ? (c.current.state === 'serving' ? '办理中' : '已叫号') : '空闲'}</td>
              <td>{c.current?.number ?? '—'}</td><td>{who ? `${who.name}（${who.id}）` : '无人在岗'}</td>
            </tr>
          );
        })}</tbody>
      </table>
      {l.deviceFaults.length ? (
        <table className="mg-table" aria-label="设备异常">
          <thead><tr><th>自助机</th><th>设备</th><th>状态</th><th>原因</th><th>开始</th></tr></thead>
          <tbody>{l.deviceFaults.map((f) => (
            <tr key={`${f.kioskId}-${f.device}`}>
              <td>{f.kioskId}</td><td>{f.label}</td><td>{STATE_NAMES[f.state] ?? f.state}</td><td>{f.reason ?? '—'}</td><td>{time(f.since)}</td>
            </tr>
          ))}</tbody>
        </table>
      ) : null}
    </section>
  );
}
