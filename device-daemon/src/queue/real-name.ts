import type { FastifyInstance } from 'fastify';
import { DomainError, badRequest, isDomainError } from '../core/errors';
import type { CategoryConfig } from './config';
import type { IssueBody } from './schemas';

/** What a ticket request adds for real-name pickup: the session of the card read, and the priority lane. */
export type RealNameRequest = Pick<IssueBody, 'identitySessionId' | 'priority'>;

export interface RealNameDecision {
  /** Keyed hash of the person: the queue service allows one open ticket per person, category and day. */
  personHash?: string;
  priority: boolean;
  /** Ends the person's identity session once the ticket is issued (the flow is finished). */
  finish(): void;
}

/**
 * Real-name rules of a ticket request, decided before any number is taken or paper is used:
 * a `required` category needs a live identity session (400 IDENTITY_REQUIRED); priority needs a session of
 * a person at or above the priority age (403 PRIORITY_NOT_ELIGIBLE). A session, when given, binds the ticket
 * to the person's keyed hash whatever the category, so the per-person limit holds.
 */
export function decideRealName(app: FastifyInstance, category: CategoryConfig, req: RealNameRequest): RealNameDecision {
  let view: ReturnType<FastifyInstance['identity']['resolve']> | undefined;
  if (req.identitySessionId) {
    try {
      view = app.identity.resolve(req.identitySessionId);
    } catch (err) {
      if (!(isDomainError(err) && err.code === 'IDENTITY_SESSION_EXPIRED')) throw err;
    }
  }
  if (category.realName === 'required' && !view) {
    throw badRequest('IDENTITY_REQUIRED', '请先放置身份证', { expired: Boolean(req.identitySessionId) });
  }
  if (req.priority && !view?.eligibleForPriority) {
    const age = app.config.queue.priorityAge;
    throw new DomainError('PRIORITY_NOT_ELIGIBLE', `绿色通道供${age}周岁及以上的老人使用，请取普通号`, 403, { priorityAge: age });
  }
  const sessionId = view?.sessionId;
  return {
    ...(view ? { personHash: view.personHash } : {}),
    priority: Boolean(req.priority),
    finish: () => {
      if (sessionId) app.identity.end(sessionId, 'flow-finished');
    },
  };
}
