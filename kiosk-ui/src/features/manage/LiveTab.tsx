import { useCallback, useEffect, useState } from 'react';
import { api } from '@/shared/api/client';
import { useEvent } from '@/shared/api/use-event';
import type { CategoryView } from '@daemon/queue/types';
import type { CounterView } from '@daemon/counters/types';
import type { TabProps } from './ManagePage';

interface Duty { counter: number; onDuty: { id: string; name: string; post: string } | null }
interface Health { status: string; devices: Record<string, { state: string; reason?: string | null }> }
interface Live { categories: CategoryView[]; counters: CounterView[]; duties: Duty[]; health: Health }

const load = async (): Promise<Live> => {
  const [c, w, d, h] = await Promise.all([
    api<{ categories: CategoryView[] }>('/api/queue/categories'),
    api<{ counters: CounterView[] }>('/api/counters'),
    api<{ duties: Duty[] }>('/api/counters/duty'),
    api<Health>('/api/health'),
  ]);
  return { categories: c.categories, counters: w.counters, duties: d.duties, health: h };
};

/**
 * 实时大厅: waiting per category, each window open, paused or serving and who is on duty there, devices not
 * ready. Reloaded on the hall's events (tickets, calls, windows, devices), not on a timer.
 */
export function LiveTab(_props: TabProps) {
  const [live, setLive] = useState<Live | null>(null);
  const [error, setError] = useState('');
  const refresh = useCallback(() => void load().then((l) => { setLive(l); setError(''); }).catch(() => setError('加载失败')), []);
  useEffect(refresh, [refresh]);
  useEvent(['queue.ticket.issued', 'queue.called', 'queue.counter', 'queue.finished', 'counter.duty', 'device.state'], refresh);
  if (!live) return error ? <p className="mg-error" role="alert">{error}</p> : <p className="mg-loading">加载中…</p>;
  const duty = new Map(live.duties.map((d) => [d.counter, d.onDuty]));
  const faults = Object.entries(live.health.devices).filter(([, d]) => d.state !== 'idle' && d.state !== 'busy');
  return (
    <section className="mg-stats">
      <dl className="mg-cards">
        <div><dt>等候总人数</dt><dd>{live.categories.reduce((n, c) => n + c.waiting, 0)}</dd></div>
        <div><dt>窗口 开放/暂停</dt><dd>{live.counters.filter((c) => c.state === 'open').length} / {live.counters.filter((c) => c.state === 'paused').length}</dd></div>
        <div><dt>办理中</dt><dd>{live.counters.filter((c) => c.current?.state === 'serving').length}</dd></div>
        <div><dt>设备异常</dt><dd>{faults.length}</dd></div>
      </dl>
      <table className="mg-table" aria-label="各类等候">
        <thead><tr><th>事项分类</th><th>等候</th><th>预计等候</th><th>今日余号</th></tr></thead>
        <tbody>{live.categories.map((c) => (
          <tr key={c.id}><td>{c.id} {c.name}</td><td>{c.waiting}</td><td>{c.estimatedWaitMinutes === null ? '—' : `约 ${c.estimatedWaitMinutes} 分钟`}</td><td>{c.remainingToday}</td></tr>
        ))}</tbody>
      </table>
      <table className="mg-table" aria-label="窗口">
        <thead><tr><th>窗口</th><th>状态</th><th>当前号</th><th>在岗</th></tr></thead>
        <tbody>{live.counters.map((c) => {
          const who = duty.get(c.counter);
          return (
            <tr key={c.counter}>
              <td>{c.counter}号窗口</td><td>{c.state === 'paused' ? '暂停' : c.current ? (c.current.state === 'serving' ? '办理中' : '已叫号') : '空闲'}</td>
              <td>{c.current?.number ?? '—'}</td><td>{who ? `${who.name}（${who.id}）` : '无人在岗'}</td>
            </tr>
          );
        })}</tbody>
      </table>
      {faults.length ? (
        <ul className="mg-steps" aria-label="设备异常">{faults.map(([name, d]) => <li key={name}>{name}：{d.state}{d.reason ? `（${d.reason}）` : ''}</li>)}</ul>
      ) : null}
    </section>
  );
}
