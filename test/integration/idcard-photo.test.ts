import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { act, startIdApp, type IdApp } from './idcard-helpers';

// A stand-in for a vendor WLT decoder that takes its time, as a child process does: a PNG signature after 300 ms.
const dir = mkdtempSync(path.join(tmpdir(), 'wlt-slow-'));
const decoder = path.join(dir, 'decoder');
writeFileSync(decoder, `#!/bin/sh\ncat > /dev/null\nsleep 0.3\nprintf '\\211PNG\\r\\n\\032\\n'\n`);
chmodSync(decoder, 0o755);

let k: IdApp;
beforeAll(async () => {
  k = await startIdApp({ idReader: { driver: 'simulated', pollIntervalMs: 50, photoDecoder: decoder } });
});
afterAll(async () => {
  await k?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ID photo with a decoder configured', () => {
  it('card.read goes out with the masked text at once; the photo follows as card.photo for that session', async () => {
    const photo = k.waitFor('card.photo', () => true, 5000);
    const read = await act(k.waitFor('card.read'), () => k.http('POST', '/api/sim/idReader/card', { profile: 'resident' }));
    expect(read.card).toMatchObject({ nameMasked: '张*明' });
    expect(read.card).not.toHaveProperty('photo');
    const before = await k.http('GET', '/api/identity/session');
    expect(before.body.session.card).not.toHaveProperty('photo');

    const followed = await photo;
    expect(followed.sessionId).toBe(read.sessionId);
    expect(followed.photo).toMatch(/^data:image\/png;base64,/);
    const after = await k.http('GET', '/api/identity/session');
    expect(after.body.session.card.photo).toBe(followed.photo);
    expect(k.messages.findIndex((m) => m.type === 'card.read' && m.sessionId === read.sessionId)).toBeLessThan(
      k.messages.findIndex((m) => m.type === 'card.photo'),
    );
    await act(k.waitFor('card.removed'), () => k.http('DELETE', '/api/sim/idReader/card'));
  });

  it('a photo decoded after its session ended is dropped, not published', async () => {
    const read = await act(k.waitFor('card.read'), () => k.http('POST', '/api/sim/idReader/card', { profile: 'resident-short' }));
    await k.http('DELETE', `/api/identity/session/${String(read.sessionId)}`);
    await new Promise((r) => setTimeout(r, 800));
    expect(k.messages.filter((m) => m.type === 'card.photo' && m.sessionId === read.sessionId)).toHaveLength(0);
    await act(k.waitFor('card.removed'), () => k.http('DELETE', '/api/sim/idReader/card'));
  });
});
