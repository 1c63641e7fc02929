/** JSON schemas of the queue API's answers: they are also the serializers, so nothing extra leaks out. */
export { errorSchema } from '../core/schemas';
import { nullableString } from '../core/schemas';


export const ticketSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    categoryId: { type: 'string' },
    categoryName: { type: 'string' },
    serviceDate: { type: 'string' },
    state: { type: 'string' },
    held: { type: 'boolean' },
    priority: { type: 'boolean' },
    delivery: { type: 'string' },
    printed: { type: 'boolean' },
    realName: { type: 'boolean' },
    waitingAhead: { type: 'integer' },
    estimatedWaitMinutes: { type: ['integer', 'null'] },
    counter: { type: ['integer', 'null'] },
    issuedAt: { type: 'string' },
    calledAt: nullableString,
    servingAt: nullableString,
    doneAt: nullableString,
  },
} as const;

export const categorySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    priority: { type: 'boolean' },
    realName: { type: 'string' },
    waiting: { type: 'integer' },
    crowded: { type: 'boolean' },
    open: { type: 'boolean' },
    hours: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } } },
    remainingToday: { type: 'integer' },
    estimatedWaitMinutes: { type: ['integer', 'null'] },
  },
} as const;
