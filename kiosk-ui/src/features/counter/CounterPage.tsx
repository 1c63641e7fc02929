import { useState } from 'react';
import type { CounterTicket } from './api';
import { TokenForm } from './TokenForm';
import { StaffSignIn } from './StaffSignIn';
import { DutyBar } from './DutyBar';
import { FinishForm } from './FinishForm';
import { HelpAlerts } from './HelpAlerts';
import { Materials } from './Materials';
import { useCounter } from './use-counter';
import './counter.css';

const STATE_NAMES: Record<CounterTicket['state'], string> = {
  issued: '等候中', called: '已叫号', serving: '办理中', done: '已办结', 'no-show': '过号', cancelled: '已取消', held: '挂起', transferred: '已转移',
};

/**
 * The window staff's page at /counter/<n>: sign-in (工号 + PIN, or the window's own token), who is on duty (AB岗),
 * call, recall, serve, 办结 with its 事项 and 办件编号, pass, transfer, hold, pause.
 */
export function CounterPage({ match }: { match: RegExpMatchArray }) {
  const counter = Number(match[1]);
  const c = useCounter(counter);
  const [number, setNumber] = useState('');
  const [target, setTarget] = useState('');
  if (c.locked) {
    return (
      <div className="counter-page">
        <div className="cp-token" role="alert">
          <h2>{counter}号窗口尚未设置工作人员口令</h2>
          <p>此窗口暂不能叫号。请联系系统管理员为本窗口设置口令或工作人员工号后，再在此登录。</p>
        </div>
      </div>
    );
  }
  if (c.needsToken) {
    return (
      <div className="counter-page">
        <div className="cp-login">
          <StaffSignIn counter={counter} onSignedIn={c.setToken} />
          <TokenForm error={c.error} onToken={c.setToken} />
        </div>
      </div>
    );
  }

  const view = c.view;
  const cur = view?.current;
  const st = cur?.state;
  const paused = view?.state === 'paused';
  const free = !st || (st !== 'called' && st !== 'serving');
  const btn = (label: string, enabled: boolean, onClick: () => void, primary = false) => (
    <button type="button" className={primary ? 'cp-primary' : 'cp-button'} disabled={c.busy || !enabled} onClick={onClick}>
      {label}
    </button>
  );
  const served = c.categories.filter((x) => view?.categories.includes(x.id));

  return (
    <div className="counter-page">
      <header className="cp-header">
        <h1>{counter}号窗口</h1>
        <span className={`cp-state ${paused ? 'paused' : 'open'}`}>{paused ? '暂停服务' : '服务中'}</span>
        <span className="cp-served">
          {served.map((x) => (
            <span key={x.id}>{x.id} {x.name} 等候 {x.waiting} 人</span>
          ))}
        </span>
      </header>
      <DutyBar duty={c.duty} me={c.me} busy={c.busy} onSwitch={c.switchTo} />
      <HelpAlerts token={c.token} me={c.me?.id} />
      <section className="cp-current" aria-label="当前号码">
        {cur ? (
          <>
            <div className="cp-number" data-testid="counter-current">{cur.number}</div>
            <div className="cp-ticket-state">{cur.categoryName} · {STATE_NAMES[cur.state]}{cur.recalls ? ` · 已重呼 ${cur.recalls} 次` : ''}</div>
          </>
        ) : (
          <div className="cp-idle">当前无号码</div>
        )}
      </section>
      {c.error ? <p className="cp-error" role="alert">{c.error}</p> : null}
      <div className="cp-actions">
        {btn('叫下一位', free && !paused, () => void c.run('call-next'), true)}
        {btn('重呼', st === 'called', () => void c.run('recall'))}
        {btn('开始办理', st === 'called', () => void c.run('start'))}
        {btn('过号', st === 'called', () => void c.run('no-show'))}
        {btn('挂起', st === 'serving', () => void c.run('hold'))}
        {paused ? btn('恢复窗口', true, () => void c.run('open')) : btn('暂停窗口', free, () => void c.run('pause'))}
      </div>
      {st === 'serving' && cur ? <FinishForm categoryId={cur.categoryId} busy={c.busy} onFinish={(body) => void c.run('done', body)} /> : null}
      <div className="cp-forms">
        <form onSubmit={(e) => { e.preventDefault(); void c.run('call', { number: number.trim().toUpperCase() }); setNumber(''); }}>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="如 A012" aria-label="指定号码" maxLength={4} />
          <button type="submit" className="cp-button" disabled={c.busy || !free || paused || !/^[A-Za-z]\d{3}$/.test(number.trim())}>叫指定号</button>
        </form>
        <form onSubmit={(e) => { e.preventDefault(); void c.run('transfer', { categoryId: target }); }}>
          <select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="转移到">
            <option value="">转移到…</option>
            {c.categories.filter((x) => x.id !== cur?.categoryId).map((x) => (
              <option key={x.id} value={x.id}>{x.id} {x.name}</option>
            ))}
          </select>
          <button type="submit" className="cp-button" disabled={c.busy || !target || (st !== 'called' && st !== 'serving')}>转移</button>
        </form>
      </div>
      <Materials token={c.token} ticketId={cur && (st === 'called' || st === 'serving') ? cur.id : undefined} />
      {view && view.held.length > 0 ? (
        <section className="cp-held" aria-label="挂起的号码">
          <h2>挂起的号码</h2>
          {view.held.map((t) => (
            <div key={t.id} className="cp-held-row">
              <span>{t.number} · {t.categoryName}</span>
              {btn('恢复办理', free && !paused, () => void c.run('resume', { number: t.number }))}
            </div>
          ))}
        </section>
      ) : null}
      <footer className="cp-footer">
        <button type="button" className="cp-link" onClick={() => void c.leave()}>退出登录</button>
      </footer>
    </div>
  );
}
