import { useEffect, useState } from 'react';
import { useEvent } from '../api/use-event';
import { useQuery } from '../api/use-query';
import { useKiosk, onSessionEnd } from '../store';
import { endIdentitySessions, fetchCurrentSession, type CardSession } from './api';
import { afterCardEvent, CARD_EVENTS } from './card-events';

export type IdCardState =
  | { kind: 'waiting' }
  | { kind: 'read'; session: CardSession; cardPresent: boolean }
  | { kind: 'error'; code: string; message: string }
  /**
   * A card lies on the reader but its session ended (the previous flow finished, or the person went home): the
   * reader reports a card once per placement, so it must be lifted and placed again («请拿起身份证后重新放置»).
   * A card left behind is never taken for whoever comes next.
   */
  | { kind: 'lift' }
  /** No reader fitted, or the reader is offline: the flow must not wait for a card. */
  | { kind: 'unavailable'; message: string };

// When a person's kiosk session ends (home, countdown), the daemon forgets their card at once too.
onSessionEnd(() => void endIdentitySessions().catch(() => undefined));

/**
 * Follows the ID-card reader for the screen that asks for a card: catches up with a card already on the
 * reader, then `card.read`, `card.photo` (the decoded photo follows the text), `card.removed` and
 * `reader.error` from the shared event stream.
 */
export function useIdCard(): IdCardState {
  const reader = useKiosk((s) => s.deviceStates.idReader);
  const [state, setState] = useState<IdCardState>({ kind: 'waiting' });
  const { data } = useQuery('identity.session', fetchCurrentSession);
  const current = data?.session;
  const cardLeft = data?.cardLeft === true;
  useEffect(() => {
    if (current) setState((s) => (s.kind === 'read' ? s : { kind: 'read', session: current, cardPresent: current.cardPresent }));
    else if (cardLeft) setState((s) => (s.kind === 'waiting' ? { kind: 'lift' } : s));
  }, [current, cardLeft]);

  useEvent(CARD_EVENTS, (e) => setState((s) => afterCardEvent(s, e)));

  if (reader === undefined) return { kind: 'unavailable', message: '本机未配置身份证阅读器，请到服务窗口办理' };
  if (reader === 'offline' && state.kind !== 'read') return { kind: 'unavailable', message: '读卡器未连接，请联系工作人员' };
  return state;
}
