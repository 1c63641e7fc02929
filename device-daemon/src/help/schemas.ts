import { Type, type Static } from 'typebox';
import { nullable, strictObject } from '../core/schemas';

export const helpRequestSchema = Type.Object({
  id: Type.String(),
  kioskId: Type.String(),
  screen: Type.String(),
  elder: Type.Boolean(),
  state: Type.Union([Type.Literal('open'), Type.Literal('taken'), Type.Literal('closed')]),
  requestedAt: Type.String(),
  takenAt: nullable(Type.String()),
  takenBy: nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  takenAtCounter: nullable(Type.Integer()),
  closedAt: nullable(Type.String()),
  outcome: nullable(Type.Union([Type.Literal('helped'), Type.Literal('left')])),
});

export const raiseBody = strictObject({
  /** The screen's name (letters, digits, `.` and `-`): which flow the person is stuck in. */
  screen: Type.String({ pattern: '^[A-Za-z0-9.-]{1,40}$' }),
  elder: Type.Optional(Type.Boolean()),
});
export type RaiseBody = Static<typeof raiseBody>;

export const helpParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }) });
export const oneRequest = Type.Object({ request: helpRequestSchema });
export const requestList = Type.Object({ requests: Type.Array(helpRequestSchema) });

export const grantBody = strictObject({
  categoryId: Type.String({ pattern: '^[A-Z]$' }),
  reason: Type.String({ minLength: 1, maxLength: 20 }),
  delivery: Type.Optional(Type.Union([Type.Literal('print'), Type.Literal('screen')])),
});
export const grantReply = Type.Object({
  ticket: Type.Object({ id: Type.String(), number: Type.String(), categoryId: Type.String(), printed: Type.Boolean() }),
  grant: Type.Object({ issuedBy: Type.String(), reason: Type.String() }),
});
export const reasonsReply = Type.Object({ reasons: Type.Array(Type.String()) });

const hallDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const grantsQuery = strictObject({ from: hallDate, to: hallDate });
export const grantsReply = Type.Object({
  grants: Type.Array(Type.Object({
    ticketId: Type.String(), number: Type.String(), categoryId: Type.String(), serviceDate: Type.String(),
    issuedBy: Type.Object({ id: Type.String(), name: nullable(Type.String()) }), reason: Type.String(), issuedAt: Type.String(),
  })),
});
