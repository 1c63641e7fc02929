import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, removeDir, startDaemon, testPinHash, type Daemon } from './maintenance-helpers';

/**
 * Issue 12 #3: the diagnostic bundle carried identity.secret in clear, the counter tokens' hashes and an upstream
 * URL's query string. Every secret of the configuration is filled with a marker here and the bundle searched.
 */
const MARKER = 'SECRETMARKER';
const TOKEN_HASH = 'feedface'.repeat(8);
let d: Daemon;

beforeAll(async () => {
  d = await startDaemon({
    devices: { keypad: { driver: 'simulated' } },
    identity: { secret: `${MARKER}-identity-secret-0123456789abcdef` },
    counters: { tokens: [{ counter: 1, sha256: TOKEN_HASH }] },
    evaluation: { upstream: { url: `https://rate.example/api/r?access_token=${MARKER}#${MARKER}` } },
  });
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

describe('diagnostic bundle', () => {
  it('carries no secret of the configuration', async () => {
    const res = await d.app.inject({ url: '/api/maintenance/bundle', headers: await login(d.app) });
    expect(res.statusCode).toBe(200);
    const text = res.body;
    for (const secret of [MARKER, TOKEN_HASH, await testPinHash()]) expect(text).not.toContain(secret);
    const bundle = res.json();
    expect(bundle.config.identity.secret).toBe('[set]');
    expect(bundle.config.counters.tokens).toEqual([{ counter: 1, sha256: '[set]' }]);
    expect(bundle.config.evaluation.upstream.url).toMatch(/^https:\/\/rate\.example\/api\/r \[/);
  });
});
