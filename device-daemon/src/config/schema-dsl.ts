/**
 * A small validating schema language for the configuration file.
 *
 * Why not a JSON-schema library: the contract asks for one line that names the key, the value and what
 * was expected, and for unknown keys to be errors. Each schema here reports exactly that, with a dotted path.
 */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID' as const;
  constructor(
    readonly path: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`invalid configuration: ${path || '(root)'} = ${show(value)}; expected ${expected}`);
  }
}

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export interface Schema<T> {
  readonly expected: string;
  parse(value: unknown, path: string): T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function str(opts: { min?: number; max?: number; pattern?: RegExp; hint?: string } = {}): Schema<string> {
  const expected = opts.hint ?? `a string${opts.min ? ` of at least ${opts.min} characters` : ''}`;
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'string') throw new ConfigError(path, v, expected);
      if (opts.min !== undefined && v.length < opts.min) throw new ConfigError(path, v, expected);
      if (opts.max !== undefined && v.length > opts.max) throw new ConfigError(path, v, expected);
      if (opts.pattern && !opts.pattern.test(v)) throw new ConfigError(path, v, expected);
      return v;
    },
  };
}

export function int(opts: { min?: number; max?: number } = {}): Schema<number> {
  const range =
    opts.min !== undefined && opts.max !== undefined
      ? ` from ${opts.min} to ${opts.max}`
      : opts.min !== undefined
        ? ` of at least ${opts.min}`
        : '';
  const expected = `a whole number${range}`;
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new ConfigError(path, v, expected);
      if (opts.min !== undefined && v < opts.min) throw new ConfigError(path, v, expected);
      if (opts.max !== undefined && v > opts.max) throw new ConfigError(path, v, expected);
      return v;
    },
  };
}

export function bool(): Schema<boolean> {
  return {
    expected: 'true or false',
    parse(v, path) {
      if (typeof v !== 'boolean') throw new ConfigError(path, v, 'true or false');
      return v;
    },
  };
}

export function oneOf<const T extends readonly (string | number)[]>(values: T): Schema<T[number]> {
  const expected = `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;
  return {
    expected,
    parse(v, path) {
      if (!values.includes(v as T[number])) throw new ConfigError(path, v, expected);
      return v as T[number];
    },
  };
}

export function arr<T>(item: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
  const expected = `a list${opts.min ? ` of at least ${opts.min}` : ''} of ${item.expected}`;
  return {
    expected,
    parse(v, path) {
      if (!Array.isArray(v)) throw new ConfigError(path, v, expected);
      if (opts.min !== undefined && v.length < opts.min) throw new ConfigError(path, v, expected);
      if (opts.max !== undefined && v.length > opts.max) throw new ConfigError(path, v, expected);
      return v.map((x, i) => item.parse(x, join(path, i)));
    },
  };
}

/** Marks a field optional; with a fallback, a missing field takes that value. */
export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: true;
}
export function opt<T>(schema: Schema<T>): Optional<T>;
/** The fallback is raw input: it is parsed like a value from the file, so nested defaults apply. */
export function opt<T>(schema: Schema<T>, fallback: unknown): Schema<T> & { readonly optional: true };
export function opt<T>(schema: Schema<T>, fallback?: unknown) {
  return {
    optional: true as const,
    expected: schema.expected,
    parse(v: unknown, path: string) {
      if (v === undefined) return fallback === undefined ? undefined : schema.parse(structuredClone(fallback), path);
      return schema.parse(v, path);
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type ObjOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

export function obj<S extends Shape>(shape: S): Schema<ObjOf<S>> {
  const keys = Object.keys(shape);
  const expected = `an object with keys ${keys.join(', ')}`;
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(path, v, expected);
      const input = v as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        if (!(key in shape)) throw new ConfigError(join(path, key), input[key], `a known key (${keys.join(', ')})`);
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const schema = shape[key] as Schema<unknown> & { optional?: boolean };
        if (input[key] === undefined && !schema.optional) {
          throw new ConfigError(join(path, key), undefined, schema.expected);
        }
        const parsed = schema.parse(input[key], join(path, key));
        if (parsed !== undefined) out[key] = parsed;
      }
      return out as ObjOf<S>;
    },
  };
}

/** A union told apart by one literal field, e.g. `driver`. */
export function tagged<const K extends string, V extends Record<string, Schema<object>>>(
  tag: K,
  variants: V,
): Schema<{ [N in keyof V]: Infer<V[N]> & { [P in K]: N } }[keyof V]> {
  const names = Object.keys(variants);
  const expected = `${tag} one of ${names.map((n) => JSON.stringify(n)).join(', ')}`;
  return {
    expected: `an object with ${expected}`,
    parse(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(path, v, `an object with ${expected}`);
      const input = v as Record<string, unknown>;
      const name = input[tag];
      if (typeof name !== 'string' || !(name in variants)) throw new ConfigError(join(path, tag), name, expected.slice(tag.length + 1));
      const { [tag]: _omit, ...rest } = input;
      return { ...variants[name]!.parse(rest, path), [tag]: name } as never;
    },
  };
}
