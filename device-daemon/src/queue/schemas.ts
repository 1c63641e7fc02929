/** The queue API's shapes: request validation, answer serialisers (nothing extra leaks) and their types. */
import { Type, type Static } from 'typebox';
import { errorResponses, nullable, nullableString, strictObject } from '../core/schemas';
import { oneOf } from '../config/kit';
export { errorSchema } from '../core/schemas';

/** The states the public ticket API may show (docs/API.md `GET /api/queue/tickets/:id`): a closed set. */
export const publicTicketState = oneOf(['issued', 'called', 'serving', 'done', 'no-show', 'cancelled']);
export const delivery = oneOf(['print', 'screen']);

/**
 * The wait as citizens see it: a range in minutes and its words («约 10–15 分钟», «即将轮到您»). `basis` says
 * where it comes from: the hall simulated from its served history, or the recent mean × people ahead (no history).
 */
export const waitEstimateSchema = Type.Object({
  lowMinutes: Type.Integer(),
  medianMinutes: Type.Integer(),
  highMinutes: Type.Integer(),
  text: Type.String(),
  basis: oneOf(['simulation', 'recent-mean']),
});

export const ticketSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  serviceDate: Type.String(),
  /** A ticket a counter holds back (挂起) shows `serving` with `held: true`: its service has begun, not ended. */
  state: publicTicketState,
  held: Type.Optional(Type.Boolean()),
  priority: Type.Boolean(),
  /** Issued by 预约签到: called ahead of walk-ins by the configured rule. */
  appointment: Type.Optional(Type.Boolean()),
  delivery,
  printed: Type.Boolean(),
  /** Says only that a card was read: a ticket carries no personal data. */
  realName: Type.Boolean(),
  waitingAhead: Type.Integer(),
  /** Minutes, once service times are known today; null before. */
  estimatedWaitMinutes: nullable(Type.Integer()),
  /** The range behind `estimatedWaitMinutes` (its median), while the ticket waits; null when nothing is known. */
  estimatedWait: Type.Optional(nullable(waitEstimateSchema)),
  counter: nullable(Type.Integer()),
  issuedAt: Type.String(),
  calledAt: nullableString,
  servingAt: nullableString,
  doneAt: nullableString,
});

export const categorySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  priority: Type.Boolean(),
  realName: oneOf(['required', 'optional', 'off']),
  waiting: Type.Integer(),
  crowded: Type.Boolean(),
  open: Type.Boolean(),
  hours: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  remainingToday: Type.Integer(),
  estimatedWaitMinutes: nullable(Type.Integer()),
  /** A new ticket's wait now, as a range. */
  estimatedWait: Type.Optional(nullable(waitEstimateSchema)),
});

/** `POST /api/queue/tickets`: the category, how the number is delivered, and the real-name fields. */
export const issueBody = strictObject({
  categoryId: Type.String({ pattern: '^[A-Z]$' }),
  delivery: Type.Optional(delivery),
  /** The session the kiosk got with `card.read`. */
  identitySessionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** Ask for the priority (绿色通道) lane; only for people at or above `queue.priorityAge`. */
  priority: Type.Optional(Type.Boolean()),
});
export type IssueBody = Static<typeof issueBody>;

const printError = Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true });
export const issueReply = Type.Object({ ticket: ticketSchema, printError: Type.Optional(printError) });
export type IssueReply = Static<typeof issueReply>;

export const ticketReply = Type.Object({ ticket: ticketSchema });
export const categoriesReply = Type.Object({ categories: Type.Array(categorySchema) });
export const ticketIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ticketNumberParams = Type.Object({ number: Type.String({ pattern: '^[A-Za-z][0-9]{3}$' }) });

export const issueRoute = { body: issueBody, response: { 201: issueReply, ...errorResponses } };
