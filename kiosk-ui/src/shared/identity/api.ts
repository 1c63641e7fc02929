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

/** The person at the reader now, if the card was placed before the screen opened. */
export const fetchCurrentSession = () =>
  get<{ session: (CardSession & { cardPresent: boolean }) | null }>('/api/identity/session');

/** Forget every identity session on the daemon (the person left or the page timed out). */
export const endIdentitySessions = () => del<{ ended: number }>('/api/identity/session');
