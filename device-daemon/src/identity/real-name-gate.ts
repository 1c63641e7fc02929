import { DomainError, badRequest, isDomainError } from '../core/errors';
import type { IdentitySessions } from './sessions';
import type { IdentityView } from './types';

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

/**
 * A `required` category needs a live identity session (400 IDENTITY_REQUIRED); priority needs a session of a
 * person at or above the priority age (403 PRIORITY_NOT_ELIGIBLE). A session, when given, binds the ticket to
 * the person's keyed hash whatever the category, so the per-person limit holds.
 */
export function realNameGate(sessions: IdentitySessions, priorityAge: number): RealNameGate {
  return {
    decide(category, req) {
      let view: IdentityView | undefined;
      if (req.identitySessionId) {
        try {
          view = sessions.resolve(req.identitySessionId);
        } catch (err) {
          if (!(isDomainError(err) && err.code === 'IDENTITY_SESSION_EXPIRED')) throw err;
        }
      }
      if (category.realName === 'required' && !view) {
        throw badRequest('IDENTITY_REQUIRED', '请先放置身份证', { expired: Boolean(req.identitySessionId) });
      }
      if (req.priority && !view?.eligibleForPriority) {
        throw new DomainError('PRIORITY_NOT_ELIGIBLE', `绿色通道供${priorityAge}周岁及以上的老人使用，请取普通号`, 403, { priorityAge });
      }
      const sessionId = view?.sessionId;
      return {
        ...(view ? { personHash: view.personHash } : {}),
        priority: Boolean(req.priority),
        finish: () => {
          if (sessionId) sessions.end(sessionId, 'flow-finished');
        },
      };
    },
  };
}
