import { DomainError, badRequest, isDomainError } from '../core/errors';
import type { IdentitySessions } from './sessions';
import type { IdentityView, RealNameGate } from './types';
export type { RealNameDecision, RealNameGate, RealNameRequest } from './types';

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
