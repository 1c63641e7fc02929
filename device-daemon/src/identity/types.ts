import type { CardText, CardType, Gender } from '../devices/idcard';

/** What the screen may show of a card (CONTRACT.md `card.read`): masked fields only. */
export interface MaskedCard {
  cardType: CardType;
  nameMasked: string;
  idNumberMasked: string;
  gender: Gender;
  /** 男 / 女, for the screen. */
  genderText: string;
  /**
   * Age in whole years: the birth date itself is never public, since beside the masked number (region and
   * last four digits) it leaves about nine candidates for the full number.
   */
  age: number;
  /** `YYYY-MM-DD` or «长期». */
  validTo: string;
  /** The card's validity has ended. */
  expired: boolean;
  /** A data URL, only when a configured WLT decoder produced an image. */
  photo?: string;
}

/** A person's session as other features see it: no full name, no full number. */
export interface IdentityView {
  sessionId: string;
  /** HMAC-SHA256 of the ID number with the installation secret. */
  personHash: string;
  age: number;
  card: MaskedCard;
  /** Age at or above `queue.priorityAge`: the kiosk offers the 绿色通道 ticket. */
  eligibleForPriority: boolean;
  /** Whether the card still lies on the reader. */
  cardPresent: boolean;
  startedAt: string;
}

/** Internal: the view plus the full card, held in memory while the card is on the reader. */
export interface SessionRecord extends IdentityView {
  full: CardText | undefined;
  expiresAt: number;
  timer: NodeJS.Timeout | undefined;
}

export type SessionEndReason = 'card-removed' | 'page-timeout' | 'flow-finished' | 'expired' | 'replaced' | 'closed';
