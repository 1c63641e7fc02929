import type { ReactNode } from 'react';
import { Notice } from '../kiosk';
import { CardOnReader } from './CardOnReader';
import { CARD_TYPE_TEXT, LIFT_AND_REPLACE } from './api';
import type { IdCardState } from './use-id-card';
import './identity.css';

/**
 * «请将身份证放在感应区» with a picture; once read, the masked name only; on a failure, a plain message with
 * what to do. `children` go below a read card (e.g. the 绿色通道 choice).
 */
export function IdCardPrompt({ state, children }: { state: IdCardState; children?: ReactNode }) {
  if (state.kind === 'unavailable') {
    return <Notice tone="warn" title="暂时无法读取身份证">{state.message}</Notice>;
  }
  if (state.kind === 'read') {
    const { card } = state.session;
    return (
      <div className="id-prompt id-prompt-read" role="status">
        <CardOnReader done />
        <div className="id-prompt-text">
          <p className="id-prompt-title">已读取{CARD_TYPE_TEXT[card.cardType]}</p>
          {card.photo ? <img className="id-prompt-photo" src={card.photo} alt="证件照片" /> : null}
          <p className="id-prompt-name" data-testid="id-name">{card.nameMasked}</p>
          <p className="id-prompt-number">{card.idNumberMasked}</p>
          {card.expired ? <Notice tone="warn" title="证件已过有效期">请留意，部分业务需要有效证件。</Notice> : null}
          {state.cardPresent ? <p className="id-prompt-hint">可以拿起身份证了，请妥善保管</p> : null}
          {children}
        </div>
      </div>
    );
  }
  if (state.kind === 'lift') {
    return (
      <div className="id-prompt" role="status">
        <CardOnReader />
        <div className="id-prompt-text">
          <p className="id-prompt-title">{LIFT_AND_REPLACE}</p>
          <p className="id-prompt-hint">读卡器上已有一张身份证。请先拿起，再平放在感应区上，本次办理才能读取</p>
        </div>
      </div>
    );
  }
  return (
    <div className="id-prompt">
      <CardOnReader />
      <div className="id-prompt-text">
        <p className="id-prompt-title">请将身份证放在感应区</p>
        <p className="id-prompt-hint">证件平放，保持不动，听到提示音后再拿起</p>
        {state.kind === 'error' ? (
          <Notice tone="error" title={state.message}>
            <p>请拿起身份证，稍等一下再平放在感应区上。</p>
          </Notice>
        ) : null}
      </div>
    </div>
  );
}
