/**
 * TypeBox pieces every route shares. Route schemas are the one source of a route's shape: Fastify validates
 * requests with them, serialises answers through them (nothing extra leaks), and handlers and the UI take their
 * TypeScript types from them (`Static<typeof X>`).
 */
import { Type, type Static, type TProperties, type TSchema } from 'typebox';

/** The contract's error shape: `{ error: { code, message, ...details } }`. */
export const errorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }),
});
export type ErrorBody = Static<typeof errorSchema>;

/** Every 4xx and 5xx answer of a route has the error shape. */
export const errorResponses = { '4xx': errorSchema, '5xx': errorSchema } as const;

/** A value or null, e.g. a time not reached yet. */
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const nullableString = nullable(Type.String());

/** A request body or query: unknown fields are errors (the app's Ajv does not remove them). */
export const strictObject = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: false });
