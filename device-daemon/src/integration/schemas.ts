import { Type } from 'typebox';
import { errorResponses, nullable, nullableString, strictObject } from '../core/schemas';

/**
 * The integration API's own wire shapes (v1): a business system depends on them, so they are fixed here and do
 * not follow changes of the kiosk's internal API. Response schemas are serializers: only these fields leave.
 */
export const caseNumberField = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
export const matterCodeField = Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' });
const window = Type.Integer({ minimum: 1, maximum: 999 });

export const caseParams = Type.Object({ caseNumber: caseNumberField });

/** «Window W finished 办件 X of 事项 Y for ticket N»: the ticket by id or by number. */
export const finishBody = Type.Intersect([
  strictObject({
    caseNumber: caseNumberField,
    matterCode: matterCodeField,
    window,
    ticketId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ticketNumber: Type.Optional(Type.String({ pattern: '^[A-Za-z][0-9]{3}$' })),
    staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  }),
  Type.Union([Type.Object({ ticketId: Type.String() }), Type.Object({ ticketNumber: Type.String() })]),
]);

export const inviteBody = strictObject({ window });

export const serviceCase = Type.Object({
  ticketId: Type.String(),
  ticketNumber: Type.String(),
  counter: Type.Integer(),
  staffId: nullableString,
  matterCode: nullableString,
  caseNumber: nullableString,
  source: Type.String(),
  finishedAt: Type.String(),
});

export const invitation = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  ticketNumber: Type.String(),
  keypad: Type.String(),
  expiresAt: nullableString,
});

/** A rating as the business system sees it: the national fields, no rater data. */
export const rating = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  level: Type.Integer(),
  levelName: Type.String(),
  reasons: Type.Array(Type.String()),
  reasonsGiven: Type.Boolean(),
  comment: nullableString,
  window: nullable(Type.Integer()),
  staffId: nullableString,
  matterCode: nullableString,
  caseNumber: nullableString,
  ratedAt: Type.String(),
});

export const finishReply = { 200: Type.Object({ case: serviceCase }), ...errorResponses };
export const inviteReply = { 200: Type.Object({ invitation }), ...errorResponses };
export const ratingReply = { 200: Type.Object({ case: serviceCase, evaluation: nullable(rating) }), ...errorResponses };
