import { describe, expect, it } from 'vitest';
import { parseConfig } from './load';
import { PUBLIC_LOOKING_SECRET, SECRET_KEYS, redactSecrets, redactUrl } from './secrets';

const MARKER = 'SECRETMARKER';

/** Builds an object holding `value` at a secrets path (`a.b[].c` -> { a: { b: [{ c: value }] } }). */
function place(path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const inner = rest.length ? place(rest.join('.'), value) : value;
  return head!.endsWith('[]') ? { [head!.slice(0, -2)]: [inner, inner] } : { [head!]: inner };
}

/** Every leaf of a value as `a.b[].c` paths. */
function leaves(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, `${path}[]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [path];
}

describe('configuration secrets', () => {
  it('redacts every listed key, with a marker in it, wherever it sits', () => {
    for (const key of SECRET_KEYS) {
      const value = key.kind === 'url' ? `https://user:${MARKER}@upstream.example/p?token=${MARKER}#${MARKER}` : `${MARKER}-value`;
      const out = JSON.stringify(redactSecrets(place(key.path, value)));
      expect(out, key.path).not.toContain(MARKER);
    }
  });

  it('keeps what a technician needs of a URL and drops credentials, query and fragment', () => {
    expect(redactUrl('https://u:pw@rate.example:8443/api/r?key=1')).toBe('https://rate.example:8443/api/r [credentials, query or fragment redacted]');
    expect(redactUrl('https://rate.example/api')).toBe('https://rate.example/api');
  });

  it('lists every key of the configuration whose name looks secret (a new one cannot be forgotten)', () => {
    const config = parseConfig(
      {
        identity: { secret: 'x'.repeat(40) },
        counters: { tokens: [{ counter: 1, sha256: 'a'.repeat(64) }] },
        evaluation: { upstream: { url: 'https://rate.example/r' } },
        hall: { publicBaseUrl: 'https://hall.example' },
        server: { allowedOrigins: ['https://hall.example'] },
      },
      '/tmp/kiosk-secrets-test',
    );
    const listed = new Set([...SECRET_KEYS.map((k) => k.path), ...PUBLIC_LOOKING_SECRET]);
    const looksSecret = leaves(config).filter((p) => /(secret|token|hash|sha256|password|passwd|url|key|credential)s?(\[\])?$/i.test(p));
    expect(looksSecret.length).toBeGreaterThan(3);
    expect(looksSecret.filter((p) => !listed.has(p))).toEqual([]);
  });
});
