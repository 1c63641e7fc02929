/** The appointments API's shapes (TypeBox): validation, answer serialisers and their types. */
import { Type, type TSchema } from 'typebox';
import { errorResponses, nullableString, strictObject } from '../core/schemas';
import type { Ticket } from '../queue/types';
import { oneOf } from '../config/kit';

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const code = Type.String({ pattern: '^[2-9A-HJ-NP-Za-hj-np-z]{8}$' });
const slotIdSchema = Type.String({ pattern: '^[A-Z]-\\d{8}-\\d{4}$' });

export const slotSchema = Type.Object({ id: Type.String(), start: Type.String(), end: Type.String(), capacity: Type.Integer(), booked: Type.Integer() });

export const appointmentSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  date: Type.String(),
  start: Type.String(),
  end: Type.String(),
  state: oneOf(['booked', 'cancelled', 'checked-in', 'no-show']),
  source: oneOf(['phone', 'kiosk', 'integration']),
  /** Masked only; null once erased after the retention. */
  nameMasked: nullableString,
  idNumberMasked: nullableString,
  phoneMasked: nullableString,
  ticketNumber: nullableString,
  /** What the booking's QR code holds: the phone page of this booking, which the kiosk's reader also reads. */
  qrText: Type.String(),
});

const person = {
  idNumber: Type.String({ minLength: 1, maxLength: 32 }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.String({ minLength: 1, maxLength: 20 }),
};

export const slotsRoute = {
  querystring: Type.Object({ categoryId: Type.String({ pattern: '^[A-Z]$' }), date }, { additionalProperties: false }),
  response: { 200: Type.Object({ slots: Type.Array(slotSchema) }), ...errorResponses },
};

export const calendarRoute = {
  response: {
    200: Type.Object({
      categories: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
      dates: Type.Array(date),
      checkInEarlyMinutes: Type.Integer(),
      checkInLateMinutes: Type.Integer(),
    }),
  },
};

const appointmentReply = Type.Object({ appointment: appointmentSchema });
export const bookRoute = { body: strictObject({ slotId: slotIdSchema, ...person }), response: { 201: appointmentReply, ...errorResponses } };
const printError = Type.Object({ code: Type.String(), message: Type.String(), reason: Type.Optional(Type.String()) });
export const kioskBookingSchema = Type.Object({ appointment: appointmentSchema, printed: Type.Boolean(), printError: Type.Optional(printError) });
export const bookByCardRoute = {
  body: strictObject({
    slotId: slotIdSchema,
    identitySessionId: Type.String({ minLength: 1, maxLength: 64 }),
    phone: person.phone,
    /** `print` (default): the 预约凭条 on the ticket printer; `screen`: the code and QR on the screen only. */
    delivery: Type.Optional(oneOf(['print', 'screen'])),
  }),
  response: { 201: kioskBookingSchema, ...errorResponses },
};
export const integrationRoute = {
  body: strictObject({ externalId: Type.String({ minLength: 1, maxLength: 64 }), slotId: slotIdSchema, ...person }),
  response: { 200: appointmentReply, 201: appointmentReply, ...errorResponses },
};
export const codeParams = Type.Object({ code });
export const getRoute = { params: codeParams, response: { 200: appointmentReply, ...errorResponses } };
const cardSession = Type.String({ minLength: 1, maxLength: 64 });
/** The ID number the booking was made with (phone page), or the card on the kiosk's reader. */
const proofOf = <P extends Record<string, TSchema>>(extra: P) =>
  Type.Union([strictObject({ idNumber: person.idNumber, ...extra }), strictObject({ identitySessionId: cardSession, ...extra })]);
export const cancelRoute = { params: codeParams, body: proofOf({}), response: { 200: appointmentReply, ...errorResponses } };
export const changeRoute = { params: codeParams, body: proofOf({ slotId: slotIdSchema }), response: { 200: appointmentReply, ...errorResponses } };
/** 我的预约 at the kiosk: the bookings still ahead of the person whose card is on the reader. */
export const openByCardRoute = {
  body: strictObject({ identitySessionId: cardSession }),
  response: { 200: Type.Object({ appointments: Type.Array(appointmentSchema) }), ...errorResponses },
};

export const checkInRoute = {
  body: Type.Union([
    strictObject({ code, delivery: Type.Optional(oneOf(['print', 'screen'])) }),
    strictObject({ identitySessionId: Type.String({ minLength: 1, maxLength: 64 }), delivery: Type.Optional(oneOf(['print', 'screen'])) }),
  ]),
  response: {
    // The ticket as the queue's own serialiser made it (queue/schemas.ts); typed from queue/types.
    201: Type.Object({ ticket: Type.Unsafe<Ticket>(Type.Object({}, { additionalProperties: true })), appointment: appointmentSchema, printError: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true })) }),
    ...errorResponses,
  },
};

const notificationSchema = Type.Object({ id: Type.String(), kind: Type.String(), attempts: Type.Integer(), lastError: nullableString, createdAt: Type.String() });
export const outboxRoute = {
  response: {
    200: Type.Object({ pending: Type.Integer(), delivered: Type.Integer(), dead: Type.Integer(), deadLetters: Type.Array(notificationSchema) }),
    ...errorResponses,
  },
};
export const retryRoute = { params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }), response: { 200: Type.Object({ ok: Type.Boolean() }), ...errorResponses } };
