import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { useEvent } from '@/shared/api/use-event';
import { fetchWorkorders, sessionEnded, type Workorder, type WorkorderFilter } from './api';
import { WorkorderDetail } from './WorkorderDetail';
import type { TabProps } from './ManagePage';

const FILTERS: { id: WorkorderFilter; title: string }[] = [
  { id: 'open', title: '待办' },
  { id: 'overdue', title: '已超期' },
  { id: 'closed', title: '已办结' },
  { id: 'all', title: '全部' },
];

export const STATE_NAMES: Record<Workorder['state'], string> = { open: '待核实', verified: '已核实', rectified: '已整改', replied: '已回复', closed: '已办结' };

/** 差评工单: the list with deadlines and overdue marks, and the selected one's steps. */
export function WorkordersTab({ session, onSignedOut }: TabProps) {
  const [filter, setFilter] = useState<WorkorderFilter>('open');
  const [list, setList] = useState<Workorder[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(() => {
    fetchWorkorders(session.token, filter)
      .then((r) => {
        setList(r.workorders);
        setError('');
      })
      .catch((err: unknown) => (sessionEnded(err) ? onSignedOut() : setError(err instanceof ApiError ? err.message : '加载失败')));
  }, [session.token, filter, onSignedOut]);
  useEffect(load, [load]);
  // Another manager's step, or a new 差评 anywhere in the hall, shows without reloading.
  useEvent(['workorder.changed', 'evaluation.recorded'], load);

  const current = list?.find((w) => w.id === selected) ?? null;
  return (
    <section className="mg-workorders">
      <div className="mg-filters" role="group" aria-label="工单筛选">
        {FILTERS.map((f) => (
          <button key={f.id} className="mg-filter" aria-pressed={f.id === filter} onClick={() => setFilter(f.id)}>
            {f.title}
          </button>
        ))}
      </div>
      {error ? <p className="mg-error" role="alert">{error}</p> : null}
      {list && list.length === 0 ? <p className="mg-empty">没有工单</p> : null}
      {list && list.length > 0 ? (
        <table className="mg-table" aria-label="差评工单">
          <thead>
            <tr><th>号码</th><th>评价</th><th>原因</th><th>窗口 / 工号</th><th>办件编号</th><th>办理期限</th><th>状态</th></tr>
          </thead>
          <tbody>
            {list.map((w) => (
              <tr key={w.id} className={w.id === selected ? 'selected' : undefined} onClick={() => setSelected(w.id)} aria-label={`工单 ${w.ticketNumber}`}>
                <td>{w.ticketNumber}</td>
                <td>{w.levelName}</td>
                <td>{w.reasons.length ? w.reasons.join('、') : '未填写'}</td>
                <td>{w.window ? `${w.window}号窗口` : '—'} {w.staffId ?? ''}</td>
                <td>{w.caseNumber ?? '—'}</td>
                <td>
                  {w.dueDate}
                  {w.overdue ? <span className="mg-overdue">超期</span> : null}
                </td>
                <td>{STATE_NAMES[w.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {current ? <WorkorderDetail key={current.id} workorder={current} session={session} onChanged={load} onSignedOut={onSignedOut} /> : null}
    </section>
  );
}
