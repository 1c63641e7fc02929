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

/** Path parameters are strings (the app does not coerce types): a counter number of 1 to 3 digits. */
export const counterParams = {
  type: 'object',
  required: ['counter'],
  properties: { counter: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' } },
} as const;

export const recentQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'string', pattern: '^([1-9]|[1-4][0-9]|50)$' } },
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

/** 事项编码 and 办件编号 as the province writes them: letters, digits and -. */
export const matterCodeField = { type: 'string', pattern: '^[A-Za-z0-9-]{1,40}$' } as const;
export const caseNumberField = { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } as const;

/** 办结's optional body: the 事项 and the 办件编号, typed or scanned at the counter page. */
export const doneBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { matterCode: matterCodeField, caseNumber: caseNumberField },
} as const;

export const serviceCaseSchema = {
  type: 'object',
  properties: {
    ticketId: { type: 'string' },
    ticketNumber: { type: 'string' },
    counter: { type: 'integer' },
    staffId: { type: ['string', 'null'] },
    matterCode: { type: ['string', 'null'] },
    caseNumber: { type: ['string', 'null'] },
    source: { type: 'string' },
    finishedAt: { type: 'string' },
  },
} as const;
