/** The what-if route's shapes (the wait estimate itself is part of the queue's answers: queue/schemas.ts). */
import { Type } from 'typebox';
import { nullable, strictObject } from '../core/schemas';

export const windowPlan = strictObject({
  counter: Type.Integer({ minimum: 1, maximum: 999 }),
  categories: Type.Array(Type.String({ pattern: '^[A-Z]$' }), { maxItems: 26, uniqueItems: true }),
});

/** `POST /api/manage/estimate/what-if`: a past day and the windows as planned (a window left out is closed). */
export const whatIfBody = strictObject({
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  windows: Type.Array(windowPlan, { maxItems: 200 }),
});

const side = Type.Object({
  meanMinutes: nullable(Type.Number()),
  p80Minutes: nullable(Type.Number()),
  /** Tickets no open window serves in this plan. */
  unserved: Type.Integer(),
});

export const whatIfReply = Type.Object({
  date: Type.String(),
  tickets: Type.Integer(),
  categories: Type.Array(Type.Object({
    categoryId: Type.String(),
    name: Type.String(),
    tickets: Type.Integer(),
    recordedMeanMinutes: nullable(Type.Number()),
    before: side,
    after: side,
  })),
});

export const whatIfPlanReply = Type.Object({ windows: Type.Array(windowPlan) });
