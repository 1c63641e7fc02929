import { useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { recordStep, sessionEnded, type ManagerSession, type StepName, type Workorder } from './api';

const STEPS: { state: 'verified' | 'rectified' | 'replied' | 'closed'; step: StepName; title: string; label: string }[] = [
  { state: 'verified', step: 'verify', title: '核实', label: '核实结果' },
  { state: 'rectified', step: 'rectify', title: '整改', label: '整改措施' },
  { state: 'replied', step: 'reply', title: '回复', label: '回复内容' },
  { state: 'closed', step: 'close', title: '办结', label: '办结说明' },
];

/** The step that comes next from a state; an anonymous 差评 has nobody to answer and may close after 整改. */
function nextSteps(w: Workorder): StepName[] {
  if (w.state === 'open') return ['verify'];
  if (w.state === 'verified') return ['rectify'];
  if (w.state === 'rectified') return w.realName ? ['reply'] : ['reply', 'close'];
  if (w.state === 'replied') return ['close'];
  return [];
}

/** The step's time in the hall's (the browser's) local time, to the minute. */
const localTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

interface Props {
  workorder: Workorder;
  session: ManagerSession;
  onChanged: () => void;
  onSignedOut: () => void;
}

/** One 工单: who rated what and whom, its steps with date and staff, and the form of the next step. */
export function WorkorderDetail({ workorder: w, session, onChanged, onSignedOut }: Props) {
  const [choice, setChoice] = useState<StepName | null>(null);
  const [text, setText] = useState('');
  const [to, setTo] = useState(w.rater.nameMasked ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = nextSteps(w);
  // The manager's pick among the next steps while it is still one of them; else the first next step.
  const step = choice && next.includes(choice) ? choice : (next[0] ?? null);
  const meta = STEPS.find((s) => s.step === step);

  const submit = () => {
    if (!step) return;
    setBusy(true);
    recordStep(session.token, w.id, step, { text: text.trim() || undefined, to: step === 'reply' ? to.trim() || undefined : undefined })
      .then(() => {
        setText('');
        setError('');
        onChanged();
      })
      .catch((err: unknown) => (sessionEnded(err) ? onSignedOut() : setError(err instanceof ApiError ? err.message : '保存失败')))
      .finally(() => setBusy(false));
  };

  return (
    <article className="mg-detail" aria-label={`工单详情 ${w.ticketNumber}`}>
      <h2>
        {w.ticketNumber} · {w.levelName}
        {w.overdue ? <span className="mg-overdue">超期</span> : null}
      </h2>
      <dl>
        <dt>原因</dt><dd>{w.reasons.length ? w.reasons.join('、') : '未填写（窗口评价器）'}</dd>
        <dt>窗口 / 工作人员</dt><dd>{w.window ? `${w.window}号窗口` : '—'} {w.staffName ?? ''} {w.staffId ?? ''}</dd>
        <dt>事项 / 办件编号</dt><dd>{w.matterName ?? w.matterCode ?? '—'} / {w.caseNumber ?? '—'}</dd>
        <dt>评价人</dt><dd>{w.realName ? `实名 ${w.rater.nameMasked ?? ''} ${w.rater.phoneMasked ?? '（未留电话）'}` : '匿名'}</dd>
        <dt>办理期限</dt><dd>{w.dueDate}</dd>
      </dl>
      <ol className="mg-steps">
        {STEPS.map((s) => {
          const done = w.steps[s.state];
          return (
            <li key={s.state} className={done ? 'done' : undefined}>
              <strong>{s.title}</strong>
              {done ? (
                <span>
                  {localTime(done.at)} · {done.staffName}（{done.staffId}）{done.text ? ` · ${done.text}` : ''}
                  {s.state === 'replied' && w.repliedTo ? ` · 回复对象：${w.repliedTo}` : ''}
                </span>
              ) : (
                <span className="mg-pending">未完成</span>
              )}
            </li>
          );
        })}
      </ol>
      {next.length > 0 && meta ? (
        <form
          className="mg-step-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {next.length > 1 ? (
            <div role="group" aria-label="下一步">
              {next.map((n) => (
                <button type="button" key={n} className="mg-filter" aria-pressed={n === step} onClick={() => setChoice(n)}>
                  {STEPS.find((s) => s.step === n)!.title}
                </button>
              ))}
            </div>
          ) : null}
          <label>
            {meta.label}
            <textarea value={text} onChange={(e) => setText(e.target.value)} aria-label={meta.label} rows={3} maxLength={1000} />
          </label>
          {step === 'reply' ? (
            <label>
              回复对象
              <input value={to} onChange={(e) => setTo(e.target.value)} aria-label="回复对象" maxLength={60} />
            </label>
          ) : null}
          {error ? <p className="mg-error" role="alert">{error}</p> : null}
          <button type="submit" className="mg-primary" disabled={busy || (step !== 'close' && !text.trim())}>
            记录{meta.title}
          </button>
        </form>
      ) : null}
    </article>
  );
}
