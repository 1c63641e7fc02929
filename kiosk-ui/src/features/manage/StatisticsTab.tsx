import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { useEvent } from '@/shared/api/use-event';
import { downloadReport, fetchStatistics, sessionEnded, type Statistics, type TicketFigures } from './api';
import { BarChart } from './BarChart';
import type { TabProps } from './ManagePage';

const day = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const RANGES = [{ title: '今天', days: 0 }, { title: '近7天', days: 6 }, { title: '近30天', days: 29 }, { title: '近一年', days: 364 }];
const m = (v: number | null) => (v === null ? '—' : `${v}`);

function FiguresTable({ title, rows }: { title: string; rows: TicketFigures[] }) {
  return (
    <table className="mg-table" aria-label={title}>
      <thead>
        <tr><th>{title}</th><th>取号</th><th>办结</th><th>过号</th><th>转移</th><th>等候中位/P90(分)</th><th>办理中位/P90(分)</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.label}</td><td>{r.issued}</td><td>{r.served}</td><td>{r.noShow}</td><td>{r.transferred}</td>
            <td>{m(r.waitMedian)} / {m(r.waitP90)}</td><td>{m(r.serviceMedian)} / {m(r.serviceP90)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 统计 and 报表: a range, the figures and charts, and the export of the same tables as XLSX or CSV. */
export function StatisticsTab({ session, onSignedOut }: TabProps) {
  const [range, setRange] = useState({ from: day(0), to: day(0) });
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState('');
  const fail = useCallback((err: unknown) => (sessionEnded(err) ? onSignedOut() : setError(err instanceof ApiError ? err.message : '加载失败')), [onSignedOut]);
  const load = useCallback(() => {
    fetchStatistics(session.token, range.from, range.to).then((s) => { setStats(s); setError(''); }).catch(fail);
  }, [session.token, range, fail]);
  useEffect(load, [load]);
  // Today's figures follow the hall: a call, a 办结 or a rating anywhere refreshes them.
  useEvent(['queue.ticket.issued', 'queue.finished', 'evaluation.recorded', 'device.fault'], () => { if (range.to >= day(0)) load(); });

  return (
    <section className="mg-stats">
      <div className="mg-filters" role="group" aria-label="统计范围">
        {RANGES.map((r) => (
          <button key={r.title} className="mg-filter" aria-pressed={range.from === day(-r.days) && range.to === day(0)} onClick={() => setRange({ from: day(-r.days), to: day(0) })}>
            {r.title}
          </button>
        ))}
        <label>从 <input type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} /></label>
        <label>到 <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} /></label>
        <button className="mg-filter" onClick={() => void downloadReport(session.token, range.from, range.to, 'xlsx').catch(fail)}>导出 Excel</button>
        <button className="mg-filter" onClick={() => void downloadReport(session.token, range.from, range.to, 'csv').catch(fail)}>导出 CSV</button>
      </div>
      {error ? <p className="mg-error" role="alert">{error}</p> : null}
      {stats ? (
        <>
          <dl className="mg-cards">
            <div><dt>取号</dt><dd>{stats.totals.issued}</dd></div>
            <div><dt>办结</dt><dd>{stats.totals.served}</dd></div>
            <div><dt>过号</dt><dd>{stats.totals.noShow}</dd></div>
            <div><dt>等候中位数</dt><dd>{m(stats.totals.waitMedian)} 分</dd></div>
            <div><dt>满意率</dt><dd>{stats.ratings.satisfactionRate === null ? '—' : `${stats.ratings.satisfactionRate}%`}</dd></div>
            <div><dt>工单 未办结/超期</dt><dd>{stats.workorders.open} / {stats.workorders.overdue}</dd></div>
          </dl>
          <div className="mg-charts">
            <BarChart title="取号 按时段" unit="张" bars={stats.byHour.map((h) => ({ label: h.key, value: h.issued }))} />
            <BarChart title="取号 按星期" unit="张" bars={stats.byWeekday.map((w) => ({ label: w.label.slice(1), value: w.issued }))} />
            <BarChart title="评价 按等级" unit="条" bars={(['5', '4', '3', '2', '1'] as const).map((l) => ({ label: l, value: stats.ratings.levels[l] }))} />
          </div>
          <FiguresTable title="事项分类" rows={[...stats.byCategory, stats.totals]} />
          <FiguresTable title="窗口" rows={stats.byWindow} />
          <FiguresTable title="工作人员" rows={stats.byStaff} />
          <table className="mg-table" aria-label="差评原因">
            <thead><tr><th>差评原因</th><th>次数</th></tr></thead>
            <tbody>{stats.badReasons.map((r) => <tr key={r.reason}><td>{r.reason}</td><td>{r.count}</td></tr>)}</tbody>
          </table>
          <table className="mg-table" aria-label="设备故障">
            <thead><tr><th>自助机</th><th>设备</th><th>故障次数</th><th>停用(分钟)</th><th>未恢复</th></tr></thead>
            <tbody>{stats.deviceFaults.map((f) => (
              <tr key={`${f.kioskId}-${f.device}`}><td>{f.kioskId}</td><td>{f.label}</td><td>{f.faults}</td><td>{f.minutes}</td><td>{f.open}</td></tr>
            ))}</tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
