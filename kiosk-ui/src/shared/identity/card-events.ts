import type { EventOf } from '../api/events';
import type { IdCardState } from './use-id-card';

/** The reader's events a screen that asks for a card follows. */
export const CARD_EVENTS = ['card.read', 'card.photo', 'card.removed', 'reader.error'] as const;
export type CardEvent = EventOf<(typeof CARD_EVENTS)[number]>;

/**
 * The screen's card state after one reader event. The decoded photo follows the text (`card.photo`, a vendor
 * decoder takes tens of ms): it joins the card only if that card's session is still the one on screen.
 */
export function afterCardEvent(s: IdCardState, e: CardEvent): IdCardState {
  switch (e.type) {
    case 'card.read':
      return { kind: 'read', session: { sessionId: e.sessionId, card: e.card, eligibleForPriority: e.eligibleForPriority }, cardPresent: true };
    case 'card.photo':
      return s.kind === 'read' && s.session.sessionId === e.sessionId ? { ...s, session: { ...s.session, card: { ...s.session.card, photo: e.photo } } } : s;
    case 'card.removed':
      return s.kind === 'read' ? { ...s, cardPresent: false } : s.kind === 'error' || s.kind === 'lift' ? { kind: 'waiting' } : s;
    case 'reader.error':
      return { kind: 'error', code: e.code, message: e.message };
  }
}
