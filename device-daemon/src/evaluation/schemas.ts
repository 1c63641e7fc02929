/** JSON schemas of the evaluation API: request validation and response serializers (nothing extra leaks). */
import { errorResponses, nullableString } from '../core/schemas';

export const evaluationSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    ticketId: { type: 'string' },
    ticketNumber: { type: 'string' },
    categoryId: { type: 'string' },
    categoryName: { type: 'string' },
    serviceDate: { type: 'string' },
    window: { type: ['integer', 'null'] },
    staffId: nullableString,
    staffName: nullableString,
    channel: { type: 'string' },
    level: { type: 'integer' },
    levelName: { type: 'string' },
    reasons: { type: 'array', items: { type: 'string' } },
    comment: nullableString,
    realName: { type: 'boolean' },
    source: { type: 'string' },
    ratedAt: { type: 'string' },
    matterCode: nullableString,
    matterName: nullableString,
    caseNumber: nullableString,
    reasonsGiven: { type: 'boolean' },
    followUp: { type: ['object', 'null'], properties: { id: { type: 'string' }, dueDate: { type: 'string' } } },
  },
} as const;

export const rateBody = {
  type: 'object',
  required: ['ticketId', 'level', 'channel'],
  additionalProperties: false,
  properties: {
    ticketId: { type: 'string', minLength: 1, maxLength: 64 },
    level: { type: 'integer', minimum: 1, maximum: 5 },
    reasons: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 100 } },
    comment: { type: 'string', maxLength: 500 },
    channel: { type: 'string', enum: ['keypad', 'kiosk', 'qr'] },
    /** The kiosk's ID-card session of the rater: the rating becomes real-name (keyed hash only). */
    identitySessionId: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;

export const invitationSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    ticketId: { type: 'string' },
    ticketNumber: { type: 'string' },
    keypad: { type: 'string' },
    expiresAt: nullableString,
    window: {
      type: 'object',
      properties: { counter: { type: 'integer' }, staffId: nullableString, caseNumber: nullableString },
    },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const rangeQuery = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: { from: date, to: date },
} as const;

export const responses = errorResponses;

export const reasonsBody = {
  type: 'object',
  required: ['reasons'],
  additionalProperties: false,
  properties: {
    reasons: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'string', maxLength: 100 } },
    comment: { type: 'string', maxLength: 500 },
  },
} as const;
