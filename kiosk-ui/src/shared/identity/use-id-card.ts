import { useEffect, useState } from 'react';
import { useEvent } from '../api/use-event';
import { useQuery } from '../api/use-query';
import { useKiosk, onSessionEnd } from '../store';
import { endIdentitySessions, fetchCurrentSession, type CardSession } from './api';

export type IdCardState =
  | { kind: 'waiting' }
  | { kind: 'read'; session: CardSession; cardPresent: boolean }
  | { kind: 'error'; code: string; message: string }
  /** No reader fitted, or the reader is offline: the flow must not wait for a card. */
  | { kind: 'unavailable'; message: string };

// When a person's kiosk session ends (home, countdown), the daemon forgets their card at once too.
onSessionEnd(() => void endIdentitySessions().catch(() => undefined));

/**
 * Follows the ID-card reader for the screen that asks for a card: catches up with a card already on the
 * reader, then `card.read`, `card.removed` and `reader.error` from the shared event stream.
 */
export function useIdCard(): IdCardState {
  const reader = useKiosk((s) => s.deviceStates.idReader);
  const [state, setState] = useState<IdCardState>({ kind: 'waiting' });
  const current = useQuery('identity.session', fetchCurrentSession).data?.session;
  useEffect(() => {
    if (current) setState((s) => (s.kind === 'read' ? s : { kind: 'read', session: current, cardPresent: current.cardPresent }));
  }, [current]);

  useEvent(['card.read', 'card.removed', 'reader.error'], (e) => {
    if (e.type === 'card.read') {
      const { sessionId, card, eligibleForPriority } = e;
      setState({ kind: 'read', session: { sessionId, card, eligibleForPriority }, cardPresent: true });
    } else if (e.type === 'card.removed') {
      setState((s) => (s.kind === 'read' ? { ...s, cardPresent: false } : s.kind === 'error' ? { kind: 'waiting' } : s));
    } else {
      setState({ kind: 'error', code: e.code, message: e.message });
    }
  });

  if (reader === undefined) return { kind: 'unavailable', message: '本机未配置身份证阅读器，请到服务窗口办理' };
  if (reader === 'offline' && state.kind !== 'read') return { kind: 'unavailable', message: '读卡器未连接，请联系工作人员' };
  return state;
}
