import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { LogRing } from '../../device-daemon/src/maintenance/log-ring';
import { removeDir, tempDataDir, testPinHash } from './maintenance-helpers';

/**
 * Schema-driven fuzzing (issue 12): every route the app registers is collected with its schema through an
 * `onRoute` hook, so a new route is covered without touching this file. Malformed params, queries and bodies are
 * generated from the schemas (wrong types, missing required, extra keys, huge strings, bad JSON, wrong content
 * type), bounded in number; every answer must be below 500, in the documented error shape with an UPPER_SNAKE
 * code, and carry no path, stack or library name. A route that refuses an unauthenticated well-formed request
 * must refuse every malformed one the same way (authentication before validation).
 */
type Json = Record<string, unknown>;
interface Route { method: string; url: string; schema: { body?: Json; querystring?: Json; params?: Json } }

const INTERNALS = /FST_|ENOENT|EACCES|node_modules|\/tmp\/|kiosk-maint-|\bat [\w.<>]+ \(?[^\s()"]+:\d+:\d+|fastify|ajv/i;
const HUGE = 'x'.repeat(200_000);
const MAX_CASES_PER_ROUTE = 40;

let app: FastifyInstance;
let dataDir: string;
const routes: Route[] = [];

beforeAll(async () => {
  dataDir = tempDataDir();
  const config = parseConfig(
    {
      store: { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') },
      devices: { idReader: { driver: 'simulated' }, printer: { driver: 'simulated' }, keypad: { driver: 'simulated' }, scanner: { driver: 'simulated' } },
      counters: { tokens: [{ counter: 1, sha256: 'a'.repeat(64) }] },
      maintenance: { pinHash: await testPinHash() },
    },
    dataDir,
  );
  app = buildApp({ config, logRing: new LogRing(50) }, { logger: false });
  app.addHook('onRoute', (r: RouteOptions) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === 'HEAD' || (r as { websocket?: boolean }).websocket) continue;
      routes.push({ method, url: r.url, schema: (r.schema ?? {}) as Route['schema'] });
    }
  });
  await app.ready();
}, 60_000);
afterAll(async () => {
  await app?.close();
  removeDir(dataDir);
});

/** A value of the schema's type, or undefined. */
function sample(s: Json | undefined): unknown {
  if (!s) return undefined;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') return 'A'.repeat(Math.max(1, Number(s.minLength ?? 1)));
  if (type === 'integer' || type === 'number') return Number(s.minimum ?? 1);
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (type === 'object') return minimal(s);
  return 'A';
}

function minimal(s: Json | undefined): Json {
  const out: Json = {};
  const props = (s?.properties ?? {}) as Record<string, Json>;
  for (const key of (s?.required ?? []) as string[]) out[key] = sample(props[key]);
  return out;
}

/** A value of another type than the schema asks for. */
function wrongType(s: Json): unknown[] {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  return type === 'string' ? [123, null, ['a']] : type === 'object' ? ['x', []] : type === 'array' ? [{}, 'x'] : ['x', {}];
}

function pathWith(url: string, value: string): string {
  return url.replace(/:[A-Za-z]+/g, encodeURIComponent(value)).replace(/\*$/, encodeURIComponent(value));
}

function cases(r: Route): InjectOptions[] {
  const method = r.method as InjectOptions['method'];
  const base = pathWith(r.url, '1');
  const out: InjectOptions[] = [];
  if (r.url.includes(':') || r.url.endsWith('*')) {
    for (const v of ['', HUGE.slice(0, 3000), '../../etc/passwd', '%00', '-1', '1e309', '中文', '{}']) out.push({ method, url: pathWith(r.url, v) });
  }
  const q = r.schema.querystring;
  for (const key of Object.keys((q?.properties ?? {}) as Json)) {
    for (const v of ['', HUGE.slice(0, 5000), '-1', 'NaN']) out.push({ method, url: `${base}?${key}=${encodeURIComponent(v)}` });
  }
  out.push({ method, url: `${base}?zzz=1&zzz=2` });
  if (method !== 'GET' && method !== 'DELETE') {
    const body = r.schema.body;
    const json = { 'content-type': 'application/json' };
    out.push({ method, url: base, headers: json, payload: '{"a":' });
    out.push({ method, url: base, headers: { 'content-type': 'text/plain' }, payload: 'x' });
    out.push({ method, url: base, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    for (const p of ['[]', 'null', '42', '"x"', `"${HUGE}"`]) out.push({ method, url: base, headers: json, payload: p });
    if (body) {
      const good = minimal(body);
      out.push({ method, url: base, headers: json, payload: {} });
      out.push({ method, url: base, headers: json, payload: { ...good, zzzExtra: 1 } });
      for (const [key, prop] of Object.entries((body.properties ?? {}) as Record<string, Json>)) {
        for (const v of wrongType(prop)) out.push({ method, url: base, headers: json, payload: { ...good, [key]: v } });
        out.push({ method, url: base, headers: json, payload: { ...good, [key]: HUGE } });
      }
    }
  }
  return out.slice(0, MAX_CASES_PER_ROUTE);
}

function check(label: string, res: { statusCode: number; body: string }): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`${label}: ${res.statusCode}`);
  const internal = INTERNALS.exec(res.body);
  if (internal) problems.push(`${label}: internals: …${res.body.slice(Math.max(0, internal.index - 60), internal.index + 60)}…`);
  if (res.statusCode >= 400) {
    let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      parsed = JSON.parse(res.body) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    const code = parsed?.error?.code;
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(code) || typeof parsed?.error?.message !== 'string') {
      problems.push(`${label}: not the error shape: ${res.body.slice(0, 160)}`);
    }
  }
  return problems;
}

describe('schema-driven fuzzing of every route', () => {
  it('collects the routes of every feature from the app itself', () => {
    const urls = new Set(routes.map((r) => r.url));
    for (const u of ['/api/queue/tickets', '/api/counters/:counter/call', '/api/maintenance/login', '/api/evaluations', '/api/scan/submissions']) {
      expect(urls, u).toContain(u);
    }
    expect(routes.length).toBeGreaterThan(40);
  });

  it('never answers 5xx, always the error shape, never internals; authentication before validation', async () => {
    const started = Date.now();
    const problems: string[] = [];
    let sent = 0;
    for (const r of routes) {
      if (Date.now() - started > 60_000) break; // bounded in time as well as in count
      const baseline = await app.inject({ method: r.method as InjectOptions['method'], url: pathWith(r.url, '1'), ...(r.schema.body ? { payload: minimal(r.schema.body) } : {}) });
      // Refused for want of a session or token (not a wrong PIN at login, which is the authentication itself).
      const protectedRoute = (baseline.statusCode === 401 || baseline.statusCode === 403) && !/(^|_)PIN_/.test(baseline.json<{ error: { code: string } }>().error.code);
      for (const c of cases(r)) {
        const res = await app.inject(c);
        sent += 1;
        const label = `${r.method} ${r.url} ${String(c.url).slice(0, 60)} ${typeof c.payload === 'string' ? c.payload.slice(0, 20) : JSON.stringify(c.payload ?? '').slice(0, 40)}`;
        problems.push(...check(label, res));
        if (protectedRoute && res.statusCode === 400) problems.push(`${label}: validated before authentication`);
      }
    }
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 120_000);
});
