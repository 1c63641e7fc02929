import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, startIdApp, type IdApp } from './idcard-helpers';
import { EXPECTED_CARDS, fixedClock } from './idcard-cards';

let k: IdApp;
beforeAll(async () => {
  k = await startIdApp({ clock: fixedClock() });
});
afterAll(async () => {
  await k?.close();
});

async function readProfile(profile: string) {
  const read = await act(k.waitFor('card.read'), () => k.http('POST', '/api/sim/idReader/card', { profile }));
  return read;
}

async function takeOff() {
  await act(k.waitFor('card.removed'), () => k.http('DELETE', '/api/sim/idReader/card'));
}

describe('ID card through the app (simulated reader)', () => {
  it('lists the simulator profiles', async () => {
    const { body } = await k.http('GET', '/api/sim/idReader/cards');
    expect(body.profiles).toEqual(expect.arrayContaining(Object.keys(EXPECTED_CARDS)));
  });

  it.each(Object.entries(EXPECTED_CARDS))('%s arrives at the UI masked, with type, gender and age, never the birth date', async (profile, want) => {
    const from = k.raw.length;
    const read = await readProfile(profile);
    expect(read.card).toMatchObject(want.card);
    expect(read.eligibleForPriority).toBe(want.eligible);
    expect(read.sessionId).toEqual(expect.any(String));
    expect((read.card as Record<string, unknown>).photo).toBeUndefined();
    // Issue 12 #7: a birth date beside the masked number leaves about nine candidates for the full number.
    expect(read.card).not.toHaveProperty('birthDate');
    const current = await k.http('GET', '/api/identity/session');
    expect(current.body.session).toMatchObject({ sessionId: read.sessionId, cardPresent: true, card: want.card });
    expect(current.body.session.card).not.toHaveProperty('birthDate');
    expect(JSON.stringify(current.body)).not.toContain(want.full.idNumber.slice(6, 14));
    expect(JSON.stringify(current.body)).not.toContain('personHash');
    await takeOff();
    for (const text of k.raw.slice(from)) {
      expect(text).not.toContain(want.full.idNumber);
      expect(text).not.toContain(want.full.name);
    }
  });

  it('reads a card once per placement and tells its removal', async () => {
    const read = await readProfile('resident');
    await new Promise((r) => setTimeout(r, 200));
    expect(k.messages.filter((m) => m.type === 'card.read' && m.sessionId === read.sessionId)).toHaveLength(1);
    const removed = await act(k.waitFor('card.removed'), () => k.http('DELETE', '/api/sim/idReader/card'));
    expect(removed.sessionId).toBe(read.sessionId);
  });

  it.each([
    ['read-failure', 'CARD_READ_FAILED', '未能读取身份证，请重新放置'],
    ['sam-fault', 'SAM_FAULT', '读卡器暂时无法使用，请联系工作人员'],
    ['bad-checksum', 'REPLY_CHECKSUM', '未能读取身份证，请重新放置'],
  ])('%s: a typed error with a plain message, then the reader recovers by itself', async (fault, code, message) => {
    const error = await act(k.waitFor('reader.error', (m) => m.code === code), async () => {
      await k.http('POST', '/api/sim/idReader/fault', { fault });
      await k.http('POST', '/api/sim/idReader/card', { profile: 'resident-short' });
    });
    expect(error.message).toBe(message);
    const read = await act(k.waitFor('card.read'), () => k.http('POST', '/api/sim/idReader/fault', { fault: 'none' }));
    expect(read.card).toMatchObject({ nameMasked: '李*' });
    await takeOff();
    const health = await k.http('GET', '/api/health');
    expect(health.body.devices.idReader.state).toBe('idle');
  });

  it.each(['chunked', 'noise'])('%s replies are read without an error', async (fault) => {
    await k.http('POST', '/api/sim/idReader/fault', { fault });
    const errors = k.messages.filter((m) => m.type === 'reader.error').length;
    const read = await readProfile('foreign-2023');
    expect(read.card).toMatchObject(EXPECTED_CARDS['foreign-2023']!.card);
    await takeOff();
    await k.http('POST', '/api/sim/idReader/fault', { fault: 'none' });
    expect(k.messages.filter((m) => m.type === 'reader.error').length).toBe(errors);
  });

  it('unplug: the reader goes offline, the screen is told, the session ends, and it comes back', async () => {
    const read = await readProfile('resident');
    const error = await act(k.waitFor('reader.error', (m) => m.code === 'READER_DISCONNECTED'), () =>
      k.http('POST', '/api/sim/idReader/fault', { fault: 'unplug' }),
    );
    expect(error.message).toBe('读卡器未连接，请联系工作人员');
    expect((await k.http('GET', '/api/health')).body.devices.idReader.state).toBe('offline');
    await k.http('POST', '/api/sim/idReader/fault', { fault: 'none' });
    // The card still lies there: after the reconnect it is a new placement and is read again.
    const again = await k.waitFor('card.read', () => true, 10_000);
    expect(again.sessionId).not.toBe(read.sessionId);
    expect((await k.http('GET', '/api/health')).body.devices.idReader.state).toBe('idle');
    await takeOff();
  });

  it('refuses a sim request without a card and with an unknown fault', async () => {
    expect((await k.http('POST', '/api/sim/idReader/card', {})).body.error.code).toBe('CARD_REQUIRED');
    expect((await k.http('POST', '/api/sim/idReader/fault', { fault: 'fire' })).status).toBe(400);
  });
});
