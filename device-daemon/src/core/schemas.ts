/** JSON-schema pieces every route shares. Response schemas are also Fastify's serializers: nothing extra leaks. */

/** The contract's error shape: `{ error: { code, message, ...details } }`. */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      additionalProperties: true,
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

/** Every 4xx and 5xx answer of a route has the error shape. */
export const errorResponses = { '4xx': errorSchema, '5xx': errorSchema } as const;

export const nullableString = { type: ['string', 'null'] } as const;
