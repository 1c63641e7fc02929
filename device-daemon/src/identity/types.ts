import type { CardText, CardType, Gender } from '../devices/idcard';

/** What the screen may show of a card (docs/INTERFACE.md `card.read`): masked fields only. */
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

/** What a ticket request says about the person (the kiosk's `card.read` session). */
export interface RealNameRequest {
  identitySessionId?: string;
  /** Ask for the priority (绿色通道) lane by age: only for people at or above `queue.priorityAge`. */
  priority?: boolean;
}

export interface RealNameDecision {
  /** Keyed hash of the person: the queue allows one open ticket per person, category and day. */
  personHash?: string;
  priority: boolean;
  /** Ends the person's identity session once the ticket is issued (the flow is finished). */
  finish(): void;
}

/**
 * The queue's narrow view of identity: the real-name rules of one ticket request, decided before any number
 * is taken or paper is used. Handed to the queue as `app.realNameGate`.
 */
export interface RealNameGate {
  decide(category: { realName: 'required' | 'optional' | 'off' }, request: RealNameRequest): RealNameDecision;
}
