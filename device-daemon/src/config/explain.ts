/**
 * Validates configuration against a TypeBox schema and, on the first problem, throws ONE ConfigError naming
 * the key (dotted path), the value and what was expected. TypeBox's `Value` applies defaults, checks and
 * decodes; this walk only decides which key to blame and how to word it (keys in schema order, unknown keys
 * first, a tagged union blamed on its tag), so the message stays what a technician can act on.
 */
import type { StaticDecode, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ConfigError } from './config-error';
import { tagOf } from './kit';

type Json = Record<string, unknown>;
type Node = TSchema & {
  expected?: string; blame?: string; uniqueKey?: string; type?: string; anyOf?: Node[]; const?: unknown; properties?: Record<string, Node>;
  required?: string[]; items?: Node; patternProperties?: Record<string, Node>; minItems?: number; minimum?: number; maximum?: number; minLength?: number;
  '~refine'?: { check(v: unknown): boolean; error(v: unknown): string }[];
};

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const quoted = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');
const literals = (s: Node) => (s.anyOf?.every((m) => 'const' in m) ? s.anyOf.map((m) => m.const) : undefined);

/** What the error line says was expected of a value of this schema. */
export function expectedOf(schema: TSchema): string {
  const s = schema as Node;
  if (s.expected) return s.expected;
  const tag = tagOf(s);
  if (tag) return `an object with ${tag} one of ${quoted(s.anyOf!.map((m) => m.properties![tag]!.const))}`;
  const set = literals(s);
  if (set) return `one of ${quoted(set)}`;
  switch (s.type) {
    case 'object': return `an object with keys ${Object.keys(s.properties ?? {}).join(', ')}`;
    case 'array': return `a list${s.minItems ? ` of at least ${s.minItems}` : ''} of ${expectedOf(s.items!)}`;
    case 'boolean': return 'true or false';
    case 'string': return `a string${s.minLength ? ` of at least ${s.minLength} characters` : ''}`;
    case 'integer': {
      const { minimum: min, maximum: max } = s;
      if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
      return `a whole number${min !== undefined ? ` of at least ${min}` : ''}`;
    }
    default: return 'a valid value';
  }
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'number' ? 'integer' : typeof v);

/** Throws the ConfigError of the first problem in `value`, already defaulted; returns when it is valid. */
export function explain(schema: TSchema, value: unknown, path: string): void {
  const s = schema as Node;
  const fail = (): never => { throw new ConfigError(path, value, expectedOf(s)); };
  const tag = tagOf(s);
  if (tag) {
    if (!isPlainObject(value)) fail();
    const variants = s.anyOf!;
    const names = variants.map((m) => m.properties![tag]!.const);
    const variant = variants[names.indexOf((value as Json)[tag])];
    if (!variant) throw new ConfigError(join(path, tag), (value as Json)[tag], `one of ${quoted(names)}`);
    // TypeBox fills a union's defaults only once the value matches a member: fill the chosen one's here.
    Value.Default(variant, value);
    explain(variant, value, path);
  } else if (s.anyOf && !literals(s)) {
    // e.g. a built-in model's name or a model object: blame inside the one member of the value's kind.
    const members = s.anyOf.filter((m) => (m.type ?? (tagOf(m) ? 'object' : literals(m) ? typeof literals(m)![0] : '')) === kindOf(value));
    if (members.length === 1 && !literals(members[0]!) && !Value.Check(s, value)) explain(members[0]!, value, path);
  } else if (s.type === 'object' && s.properties) {
    if (!isPlainObject(value)) fail();
    const input = value as Json;
    const keys = Object.keys(s.properties);
    for (const key of Object.keys(input)) {
      if (!keys.includes(key)) throw new ConfigError(join(path, key), input[key], `a known key (${keys.join(', ')})`);
    }
    for (const key of keys) {
      const at = join(path, key);
      if (input[key] === undefined) {
        if (s.required?.includes(key)) throw new ConfigError(at, undefined, expectedOf(s.properties[key]!));
      } else explain(s.properties[key]!, input[key], at);
    }
  } else if (s.type === 'object' && s.patternProperties && isPlainObject(value)) {
    // A record (e.g. a field mapping): every value is checked against the one value schema, blamed on its key.
    const [valueSchema] = Object.values(s.patternProperties);
    for (const [key, v] of Object.entries(value)) explain(valueSchema!, v, join(path, key));
  } else if (s.type === 'array' && Array.isArray(value)) {
    if (!Value.Check({ ...s, items: {} }, value)) fail(); // the list itself: its length
    value.forEach((item, i) => explain(s.items!, item, join(path, i)));
  }
  if (Value.Check(s, value)) return;
  // Every part is valid but the whole is not: a check across keys, blamed on the key it names.
  const refine = s['~refine']?.find((r) => !r.check(value));
  if (refine && s.blame && isPlainObject(value)) throw new ConfigError(join(path, s.blame), value[s.blame], refine.error(value));
  if (refine && s.uniqueKey && Array.isArray(value)) {
    const seen = new Set<unknown>();
    (value as unknown[]).forEach((entry, i) => {
      const k = isPlainObject(entry) ? entry[s.uniqueKey!] : undefined;
      if (seen.has(k)) throw new ConfigError(join(join(path, i), s.uniqueKey!), k, refine.error(value));
      seen.add(k);
    });
  }
  fail();
}

/** Defaults, validation with a one-line error, decoding: a configuration value as the daemon uses it. */
export function parseWith<S extends TSchema>(schema: S, raw: unknown, path = ''): StaticDecode<S> {
  const value = Value.Default(schema, structuredClone(raw));
  explain(schema, value, path);
  return Value.Decode(schema, value) as StaticDecode<S>;
}
