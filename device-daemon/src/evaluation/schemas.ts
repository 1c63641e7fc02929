/** The evaluation API's shapes: request validation, answer serialisers (nothing extra leaks) and their types. */
import { Type, type Static } from 'typebox';
import { errorResponses, nullable, nullableString, strictObject } from '../core/schemas';
import { oneOf } from '../config/kit';

/** A rating as the API shows it: `realName` says a person was identified; the hash itself never leaves. */
export const evaluationSchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  ticketNumber: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  serviceDate: Type.String(),
  window: nullable(Type.Integer()),
  staffId: nullableString,
  staffName: nullableString,
  channel: oneOf(['keypad', 'kiosk', 'qr', 'system']),
  level: Type.Integer(),
  levelName: Type.String(),
  reasons: Type.Array(Type.String()),
  comment: nullableString,
  realName: Type.Boolean(),
  source: oneOf(['person', 'default']),
  ratedAt: Type.String(),
  matterCode: nullableString,
  matterName: nullableString,
  caseNumber: nullableString,
  /** False for a bad rating pressed on a window keypad with no screen: its reasons may be added afterwards. */
  reasonsGiven: Type.Boolean(),
  followUp: nullable(Type.Object({ id: Type.String(), dueDate: Type.String() })),
});
export type EvaluationView = Static<typeof evaluationSchema>;

export const rateBody = strictObject({
  ticketId: Type.String({ minLength: 1, maxLength: 64 }),
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  reasons: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 })),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
  channel: oneOf(['keypad', 'kiosk', 'qr']),
  /** The kiosk's ID-card session of the rater: the rating becomes real-name (keyed hash only). */
  identitySessionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type RateBody = Static<typeof rateBody>;

export const invitationSchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  ticketNumber: Type.String(),
  keypad: oneOf(['invited', 'not-fitted', 'offline']),
  /** End of the keypad's window; null when no keypad was invited. */
  expiresAt: nullableString,
  /** The window whose service is rated, when the invitation came from a window (the keypad at 办结). */
  window: Type.Optional(Type.Object({ counter: Type.Integer(), staffId: nullableString, caseNumber: nullableString })),
});
export type InvitationView = Static<typeof invitationSchema>;

export const inviteBody = strictObject({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) });

export const idParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const rangeQuery = strictObject({ from: date, to: date });
export const followUpQuery = strictObject({ state: Type.Optional(oneOf(['open', 'closed', 'all'])) });

export const rateReply = Type.Object({ evaluation: evaluationSchema });
export const ratingOfTicketReply = Type.Object({ evaluation: nullable(evaluationSchema) });
export const reasonsReply = Type.Object({
  reasons: Type.Array(Type.String()),
  levels: Type.Array(Type.Object({ level: Type.Integer(), name: Type.String() })),
});
export const invitationReply = Type.Object({ invitation: invitationSchema });

/** A ticket of the person whose card is on the reader, and whether it is rated yet. */
export const personTicketSchema = Type.Object({
  id: Type.String(), number: Type.String(), categoryName: Type.String(), state: Type.String(), rated: Type.Boolean(),
});
export type PersonTicket = Static<typeof personTicketSchema>;
export const personTicketsReply = Type.Object({ tickets: Type.Array(personTicketSchema) });

export const responses = errorResponses;

/** The reasons of a keypad 差评 added afterwards (phone page or kiosk). */
export const reasonsBody = strictObject({
  reasons: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 10 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
