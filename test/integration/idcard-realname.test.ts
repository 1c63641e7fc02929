import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { act, startIdApp, type IdApp } from './idcard-helpers';
import { fixedClock } from './idcard-cards';

let k: IdApp;
beforeAll(async () => {
  k = await startIdApp({ clock: fixedClock() });
});
afterAll(async () => {
  await k?.close();
});

async function place(profile: string): Promise<string> {
  const read = await act(k.waitFor('card.read'), () => k.http('POST', '/api/sim/idReader/card', { profile }));
  return read.sessionId as string;
}
async function takeOff() {
  await act(k.waitFor('card.removed'), () => k.http('DELETE', '/api/sim/idReader/card'));
}
const ticket = (body: Record<string, unknown>) => k.http('POST', '/api/queue/tickets', { delivery: 'screen', ...body });

describe('real-name pickup', () => {
  it('a required category refuses a ticket without a card, before any number is used', async () => {
    const res = await ticket({ categoryId: 'A' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'IDENTITY_REQUIRED', message: '请先放置身份证' });
    const unknown = await ticket({ categoryId: 'A', identitySessionId: 'no-such-session' });
    expect(unknown.body.error.code).toBe('IDENTITY_REQUIRED');
    const { body } = await k.http('GET', '/api/queue/categories');
    expect(body.categories.find((c: { id: string }) => c.id === 'A').remainingToday).toBe(999);
  });

  it('issues with a session, ends the session (flow finished), and allows one open ticket per person per day', async () => {
    const sessionId = await place('resident');
    const first = await ticket({ categoryId: 'A', identitySessionId: sessionId });
    expect(first.status).toBe(201);
    expect(first.body.ticket).toMatchObject({ number: 'A001', realName: true, priority: false });
    // The flow finished: the session is gone.
    expect((await ticket({ categoryId: 'A', identitySessionId: sessionId })).body.error.code).toBe('IDENTITY_REQUIRED');
    await takeOff();
    const again = await place('resident');
    const second = await ticket({ categoryId: 'A', identitySessionId: again });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'PERSON_LIMIT_REACHED', number: 'A001' });
    // Another category is another limit; another person is another hash.
    expect((await ticket({ categoryId: 'B', identitySessionId: again })).status).toBe(201);
    await takeOff();
    const other = await place('resident-short');
    expect((await ticket({ categoryId: 'A', identitySessionId: other })).body.ticket.number).toBe('A002');
    await takeOff();
  });

  it('an optional category issues without a card; an off category too', async () => {
    expect((await ticket({ categoryId: 'B' })).status).toBe(201);
    expect((await ticket({ categoryId: 'C' })).status).toBe(201);
  });

  it('offers and grants priority at or above the priority age, refuses it below', async () => {
    const elder = await place('resident-elder');
    expect((await k.http('GET', `/api/identity/session/${elder}/offer`)).body).toEqual({ eligibleForPriority: true, age: 74 });
    const granted = await ticket({ categoryId: 'B', identitySessionId: elder, priority: true });
    expect(granted.status).toBe(201);
    expect(granted.body.ticket.priority).toBe(true);
    await takeOff();
    const young = await place('resident-rare');
    expect((await k.http('GET', `/api/identity/session/${young}/offer`)).body.eligibleForPriority).toBe(false);
    const refused = await ticket({ categoryId: 'B', identitySessionId: young, priority: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('PRIORITY_NOT_ELIGIBLE');
    expect((await ticket({ categoryId: 'C', priority: true })).status).toBe(403);
    await takeOff();
  });

  it('the page timeout ends the session at once', async () => {
    const sessionId = await place('hk-macao-taiwan');
    expect((await k.http('DELETE', '/api/identity/session')).body).toEqual({ ended: 1 });
    expect((await k.http('GET', `/api/identity/session/${sessionId}/offer`)).body.error.code).toBe('IDENTITY_SESSION_EXPIRED');
    expect((await ticket({ categoryId: 'A', identitySessionId: sessionId })).body.error.code).toBe('IDENTITY_REQUIRED');
    await takeOff();
  });

  it('after the card leaves, the session lasts only the grace period, without the full card', async () => {
    const sessionId = await place('foreign-2017');
    await takeOff();
    const view = k.app.identity.resolve(sessionId);
    expect(view.cardPresent).toBe(false);
    expect(() => k.app.identity.fullCard(sessionId)).toThrow(/失效/);
    expect((await ticket({ categoryId: 'A', identitySessionId: sessionId })).status).toBe(201);
  });

  it('keeps the hashing secret in the data folder, readable by the daemon only, and stores hashes only', async () => {
    const file = path.join(k.dataDir, 'identity.secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const rows = await k.app.store.query<{ person_hash: string }>('SELECT person_hash FROM tickets WHERE person_hash IS NOT NULL');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.person_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('session limits', () => {
  it('with no grace, the session ends the moment the card leaves', async () => {
    const z = await startIdApp({ clock: fixedClock(), config: { identity: { removalGraceSeconds: 0 } } });
    try {
      const read = await act(z.waitFor('card.read'), () => z.http('POST', '/api/sim/idReader/card', { profile: 'resident' }));
      await act(z.waitFor('card.removed'), () => z.http('DELETE', '/api/sim/idReader/card'));
      expect(() => z.app.identity.resolve(read.sessionId as string)).toThrow();
      expect(z.app.identity.size).toBe(0);
    } finally {
      await z.close();
    }
  });

  it('a configured secret is used instead of a generated one, so kiosks of one hall agree', async () => {
    const secret = 'hall-wide-secret-of-at-least-32-characters!';
    const hashes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const z = await startIdApp({ config: { identity: { secret } } });
      try {
        const read = await act(z.waitFor('card.read'), () => z.http('POST', '/api/sim/idReader/card', { profile: 'resident' }));
        hashes.push(z.app.identity.resolve(read.sessionId as string).personHash);
      } finally {
        await z.close();
      }
    }
    expect(hashes[0]).toBe(hashes[1]);
  });
});
