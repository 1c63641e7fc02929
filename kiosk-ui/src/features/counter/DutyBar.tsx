import type { CounterDuty } from './staff-api';

/**
 * Who works at this window now (公示: name and 工号), the other post, and the AB岗 switch. `me` is the person
 * signed in in this browser (undefined with the window's own token).
 */
export function DutyBar({ duty, me, busy, onSwitch }: {
  duty: CounterDuty | undefined;
  me: { id: string; post: 'A' | 'B' } | undefined;
  busy: boolean;
  onSwitch: (post: 'A' | 'B') => void;
}) {
  const other = duty?.posts.find((p) => !p.onDuty);
  return (
    <div className="cp-duty" aria-label="当班人员">
      {duty?.onDuty ? (
        <span data-testid="counter-duty">当班：{duty.onDuty.name}（工号 {duty.onDuty.id}）{duty.onDuty.post}岗</span>
      ) : (
        <span>当班：暂无工作人员登录</span>
      )}
      {other ? <span className="cp-other">{other.post}岗：{other.name}（工号 {other.id}）</span> : null}
      {me && other && other.post !== duty?.onDuty?.post ? (
        <button type="button" className="cp-button" disabled={busy} onClick={() => onSwitch(other.post)}>
          {other.post === 'B' ? 'B岗顶岗' : '切换回A岗'}
        </button>
      ) : null}
    </div>
  );
}
