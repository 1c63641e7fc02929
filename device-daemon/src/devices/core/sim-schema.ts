/**
 * JSON schema of a simulator-route body that is exactly one required field, e.g. `{ fault: 'jam' }` or
 * `{ plugged: false }`: the shape most fault-injection routes under /api/sim/<device> take.
 */
export function oneFieldBody<K extends string>(name: K, schema: Record<string, unknown>) {
  return { type: 'object', required: [name], additionalProperties: false, properties: { [name]: schema } } as const;
}
