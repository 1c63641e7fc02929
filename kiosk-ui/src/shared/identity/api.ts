import { del, get } from '../api/client';

/** The masked card the daemon publishes (docs/INTERFACE.md `card.read`): the daemon's own type, never a full name or number. */
import type { MaskedCard } from '@daemon/identity/types';
export type { MaskedCard };

export interface CardSession {
  sessionId: string;
  card: MaskedCard;
  eligibleForPriority: boolean;
}

export const CARD_TYPE_TEXT: Record<MaskedCard['cardType'], string> = {
  resident: '居民身份证',
  'hk-macao-taiwan': '港澳台居民居住证',
  'foreign-2017': '外国人永久居留身份证',
  'foreign-2023': '外国人永久居留身份证',
};

/** What a screen says when a card lies on the reader whose session has ended (see `useIdCard`'s `lift`). */
export const LIFT_AND_REPLACE = '请拿起身份证后重新放置';

/**
 * The person at the reader now, if the card was placed before the screen opened; `cardLeft`: a card lies on
 * the reader whose session ended (it must be placed again to be read).
 */
export const fetchCurrentSession = () =>
  get<{ session: (CardSession & { cardPresent: boolean }) | null; cardLeft?: boolean }>('/api/identity/session');

/** Forget every identity session on the daemon (the person left or the page timed out). */
export const endIdentitySessions = () => del<{ ended: number }>('/api/identity/session');
