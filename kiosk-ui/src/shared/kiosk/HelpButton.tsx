import { useState } from 'react';
import { useKiosk } from '../store';
import { callForHelp, useHelpRequest, withdrawHelp } from './help';
import { useStandby } from './standby';

/**
 * «呼叫帮办» on every citizen screen, home included: raises a help request with the screen's name (and the 关爱模式
 * flag); then says where help stands, one step after another: «已通知工作人员» while open, «工作人员正在赶来» once
 * taken (with «不需要了» to withdraw it), «帮办已完成» for a few seconds once closed, then the button again.
 */
export function HelpButton() {
  // A screen drawn in advance and not on show (standby.ts) says nothing of a call: the screen on show does.
  const live = useHelpRequest();
  const request = useStandby() ? null : live;
  const elder = useKiosk((s) => s.elderMode);
  const screen = useKiosk((s) => s.stack.at(-1)?.name ?? 'home');
  const [failed, setFailed] = useState(false);
  if (request && request.state !== 'closed') {
    return (
      <div className="help-pending">
        <div className="help-status" role="status" data-testid="help-status">
          {request.state === 'taken' ? `工作人员正在赶来${request.takenBy ? `（${request.takenBy.name}）` : ''}，请稍候` : '已通知工作人员，请稍候'}
        </div>
        <button type="button" className="nav-button help-withdraw" onClick={() => void withdrawHelp().catch(() => undefined)}>
          不需要了
        </button>
      </div>
    );
  }
  return (
    <>
      {request ? (
        <div className="help-status help-done" role="status" data-testid="help-status">
          {request.outcome === 'helped' ? '帮办已完成' : '已取消呼叫'}
        </div>
      ) : null}
      <button
        type="button"
        className="nav-button help-button"
        // On home drawn from HTML, a tap before the script has run is made again once it has (app/early-tap.ts).
        data-tap="help"
        onClick={() => callForHelp(String(screen), elder).then(() => setFailed(false), () => setFailed(true))}
      >
        {failed ? '呼叫失败，请重试' : '呼叫帮办'}
      </button>
    </>
  );
}
