/** JSON schemas of the counter API: params, bodies and answers (the answers are also the serializers). */
const ticket = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'string' },
    number: { type: 'string' },
    categoryId: { type: 'string' },
    categoryName: { type: 'string' },
    state: { type: 'string' },
    priority: { type: 'boolean' },
    recalls: { type: 'integer' },
    calledAt: { type: ['string', 'null'] },
  },
} as const;

export const counterViewSchema = {
  type: 'object',
  properties: {
    counter: { type: 'integer' },
    state: { type: 'string', enum: ['open', 'paused'] },
    categories: { type: 'array', items: { type: 'string' } },
    current: ticket,
    held: { type: 'array', items: ticket },
  },
} as const;

export const callSchema = {
  type: 'object',
  properties: {
    number: { type: 'string' },
    counter: { type: 'integer' },
    categoryId: { type: 'string' },
    recall: { type: 'boolean' },
    calledAt: { type: 'string' },
  },
} as const;

export const counterParams = {
  type: 'object',
  required: ['counter'],
  properties: { counter: { type: 'integer', minimum: 1, maximum: 999 } },
} as const;

export const numberBody = {
  type: 'object',
  required: ['number'],
  additionalProperties: false,
  properties: { number: { type: 'string', pattern: '^[A-Za-z][0-9]{3}$' } },
} as const;

export const transferBody = {
  type: 'object',
  required: ['categoryId'],
  additionalProperties: false,
  properties: { categoryId: { type: 'string', pattern: '^[A-Z]$' } },
} as const;
