/**
 * Builders the configuration schemas share, over TypeBox (the same schema language as the routes).
 *
 * Conventions: every object is strict (unknown keys are errors); a key with a fallback is REQUIRED in the
 * schema and carries `default` (defaults are applied before checking, so its static type is never undefined);
 * a key that may stay absent is `Type.Optional`. `expected` on a schema is the wording of the one-line error
 * (otherwise it is derived from the keywords, see explain.ts).
 */
import { Type, type TLiteral, type TObject, type TProperties, type TSchema, type TUnion } from 'typebox';

const STRICT = { additionalProperties: false } as const;

/** An object whose unknown keys are configuration errors. */
export function strict<P extends TProperties>(properties: P, options: Record<string, unknown> = {}): TObject<P> {
  return Type.Object(properties, { ...STRICT, ...options });
}

/** A section whose keys all have fallbacks: absent, it is `{}` with every default filled in. */
export function section<P extends TProperties>(properties: P): TObject<P> {
  return strict(properties, { default: {} });
}

/** One of a closed set of strings or numbers, e.g. `cut: "full" | "partial"`. */
export function oneOf<const V extends readonly (string | number)[]>(values: V, options: Record<string, unknown> = {}) {
  return Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<[TLiteral<V[number]>]>;
}

type Variant<K extends string, N, P extends TProperties> = TObject<{ [T in K]: TLiteral<N & string> } & P>;

/** A union told apart by one literal field, e.g. `driver`: the error names that field when it matches no variant. */
export function tagged<const K extends string, V extends Record<string, TProperties>>(
  tag: K,
  variants: V,
  options: Record<string, unknown> = {},
) {
  const members = Object.entries(variants).map(([name, properties]) => strict({ [tag]: Type.Literal(name), ...properties }));
  return Type.Union(members, { ...options, discriminator: tag }) as unknown as TUnion<[{ [N in keyof V]: Variant<K, N, V[N]> }[keyof V]]>;
}

/** The tag of a union built by `tagged`, if it is one. */
export function tagOf(schema: TSchema): string | undefined {
  const tag = (schema as { discriminator?: unknown }).discriminator;
  return typeof tag === 'string' ? tag : undefined;
}

/**
 * A list whose entries are told apart by one key (a 工号, a 事项编码): a second entry with the same value is a
 * configuration error naming that entry's key, e.g. `staff[2].id = "S001"; expected a 工号 not used by another`.
 */
export function uniqueBy<T extends TSchema>(items: T, key: string, expected: string, options: Record<string, unknown> = {}) {
  const list = Type.Array(items, { ...options, uniqueKey: key });
  return Type.Refine(
    list,
    (entries) => new Set((entries as Record<string, unknown>[]).map((e) => e[key])).size === (entries as unknown[]).length,
    () => expected,
  );
}
