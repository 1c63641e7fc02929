/** The counter API's shapes: params, bodies and answers (the answers are also the serializers) and their types. */
import { Type, type Static } from 'typebox';
import { errorSchema, nullable, nullableString, strictObject } from '../core/schemas';
import { oneOf } from '../config/kit';

const ticket = Type.Object({
  id: Type.String(),
  number: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  state: oneOf(['issued', 'called', 'serving', 'done', 'no-show', 'cancelled', 'held', 'transferred']),
  priority: Type.Boolean(),
  recalls: Type.Integer(),
  calledAt: nullableString,
});
export type CounterTicketView = Static<typeof ticket>;

export const counterViewSchema = Type.Object({
  counter: Type.Integer(),
  state: oneOf(['open', 'paused']),
  /** Categories this counter serves (each category's `windows` lists it). */
  categories: Type.Array(Type.String()),
  current: nullable(ticket),
  /** Tickets this counter put on hold (挂起) today, to resume later. */
  held: Type.Array(ticket),
});
export type CounterViewBody = Static<typeof counterViewSchema>;

/** One announcement: what the hall display shows and says. */
export const callSchema = Type.Object({
  number: Type.String(),
  counter: Type.Integer(),
  categoryId: Type.String(),
  recall: Type.Boolean(),
  calledAt: Type.String(),
});
export type CallView = Static<typeof callSchema>;

/** Path parameters are strings (the app does not coerce types): a counter number of 1 to 3 digits. */
export const counterParams = Type.Object({ counter: Type.String({ pattern: '^[1-9][0-9]{0,2}$' }) });

export const recentQuery = strictObject({ limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$' })) });

export const numberBody = strictObject({ number: Type.String({ pattern: '^[A-Za-z][0-9]{3}$' }) });

export const transferBody = strictObject({ categoryId: Type.String({ pattern: '^[A-Z]$' }) });

export const counterReply = Type.Object({ counter: counterViewSchema });
export const countersReply = Type.Object({ counters: Type.Array(counterViewSchema) });
export const callsReply = Type.Object({ calls: Type.Array(callSchema) });
/** `configured: false`: no staff token is set for this counter, so it cannot be used (COUNTER_LOCKED). */
export const tokenStatusReply = Type.Object({ configured: Type.Boolean() });
export const viewReply = { 200: counterReply, '4xx': errorSchema, '5xx': errorSchema };

/** 事项编码 and 办件编号 as the province writes them: letters, digits and -. */
export const matterCodeField = Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' });
export const caseNumberField = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });

/** 办结's optional body: the 事项 and the 办件编号, typed or scanned at the counter page. */
export const doneBody = Type.Union([
  strictObject({ matterCode: Type.Optional(matterCodeField), caseNumber: Type.Optional(caseNumberField) }),
  Type.Null(),
]);

/** A 办件 record: which window finished which ticket, with the 事项 and the 办件编号 where known. No personal data. */
export const serviceCaseSchema = Type.Object({
  ticketId: Type.String(),
  ticketNumber: Type.String(),
  counter: Type.Integer(),
  staffId: nullable(Type.String()),
  matterCode: nullable(Type.String()),
  caseNumber: nullable(Type.String()),
  source: Type.String(),
  finishedAt: Type.String(),
});
export const doneReply = { 200: Type.Object({ counter: counterViewSchema, service: serviceCaseSchema }), '4xx': errorSchema, '5xx': errorSchema };
