/**
 * What in the configuration is secret, beside its schema: the diagnostic bundle (and anything else that shows
 * the configuration) redacts by this list, so adding a secret key here is the whole job of keeping it home.
 * A path is dotted; `[]` walks every element of an array. A path absent from a given configuration is skipped,
 * so keys of features not configured (or not yet built) may be listed ahead.
 *
 * - `value`: the whole value is replaced by `[set]`.
 * - `url`: scheme, host, port and path stay (a technician needs them); user, password, query and fragment go,
 *   since tokens often ride there (`?access_token=`).
 *
 * config/secrets.test.ts fills every listed key with a marker and searches the bundle for it, and flags any
 * key whose name looks secret (secret, token, hash, password, url…) that is missing here.
 */
export interface SecretKey {
  path: string;
  kind: 'value' | 'url';
}

export const SECRET_KEYS: readonly SecretKey[] = [
  { path: 'identity.secret', kind: 'value' },
  { path: 'maintenance.pinHash', kind: 'value' },
  { path: 'counters.tokens[].sha256', kind: 'value' },
  { path: 'store.url', kind: 'url' },
  { path: 'evaluation.upstream.url', kind: 'url' },
  { path: 'evaluation.upstream.signing.hmac.secret', kind: 'value' },
  { path: 'evaluation.upstream.signing.bearerToken', kind: 'value' },
  { path: 'integration.systems[].keyHash', kind: 'value' },
  { path: 'staff[].pinHash', kind: 'value' },
];

/** Keys whose names look secret but are public on purpose (printed on every ticket's QR code). */
export const PUBLIC_LOOKING_SECRET: readonly string[] = ['hall.publicBaseUrl', 'server.allowedHosts[]', 'server.allowedOrigins[]'];

/** A URL as it may be shown: no credentials, no query, no fragment. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    const hidden = u.username || u.password || u.search || u.hash;
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return hidden ? `${u.toString()} [credentials, query or fragment redacted]` : u.toString();
  } catch {
    return '[unparsable URL]';
  }
}

/** A deep copy of `config` with every listed secret redacted. */
export function redactSecrets<T>(config: T, keys: readonly SecretKey[] = SECRET_KEYS): T {
  const copy = structuredClone(config) as unknown;
  for (const key of keys) redactAt(copy, key.path.split('.'), key.kind);
  return copy as T;
}

function redactAt(node: unknown, parts: string[], kind: SecretKey['kind']): void {
  if (typeof node !== 'object' || node === null) return;
  const [head, ...rest] = parts;
  const isArray = head!.endsWith('[]');
  const name = isArray ? head!.slice(0, -2) : head!;
  const record = node as Record<string, unknown>;
  if (!(name in record)) return;
  if (isArray) {
    const items = record[name];
    if (!Array.isArray(items)) return;
    if (rest.length === 0) record[name] = items.map((v) => hide(v, kind));
    else for (const item of items) redactAt(item, rest, kind);
    return;
  }
  if (rest.length === 0) record[name] = hide(record[name], kind);
  else redactAt(record[name], rest, kind);
}

function hide(value: unknown, kind: SecretKey['kind']): unknown {
  if (value === undefined || value === null) return value;
  return kind === 'url' && typeof value === 'string' ? redactUrl(value) : '[set]';
}
