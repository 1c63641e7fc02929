import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackTransport } from '../core/loopback-transport';
import { IdReaderDriver } from './driver';
import { IdCardSimulator, type FindAfterRead } from './sim/simulator';
import { CARD_PROFILES } from './sim/profiles';
import { uniformTimeouts } from './timing';

const drivers: IdReaderDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

function fit(findAfterRead: FindAfterRead, readCommand?: 'text-photo' | 'text-photo-fingerprint') {
  const sim = new IdCardSimulator();
  sim.findAfterRead = findAfterRead;
  const transport = new LoopbackTransport(sim, 'test reader');
  const driver = new IdReaderDriver({ transport, simulated: true, driver: 'simulated', pollIntervalMs: 20, timeouts: uniformTimeouts(200), baudRate: 115200, readCommand });
  drivers.push(driver);
  const seen = { card: 0, removed: 0 };
  driver.cards.on('card', () => (seen.card += 1));
  driver.cards.on('removed', () => (seen.removed += 1));
  return { sim, driver, seen };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
};

describe('card present: both module behaviours seen in the field', () => {
  it.each(['fails', 'repeats'] as const)('find %s after a read: one card.read for a card left 1.5 s, one card.removed when it leaves', async (behaviour) => {
    const { sim, driver, seen } = fit(behaviour);
    await driver.open();
    sim.putCard(CARD_PROFILES.resident!);
    await until(() => seen.card === 1);
    await sleep(1500); // about 75 polls with the card lying still
    expect(seen).toEqual({ card: 1, removed: 0 });
    sim.removeCard();
    await until(() => seen.removed === 1);
    sim.putCard(CARD_PROFILES['resident-short']!);
    await until(() => seen.card === 2);
    expect(seen).toEqual({ card: 2, removed: 1 });
  });
});

describe('30 10: read with fingerprint', () => {
  it('reads the card through 30 10, keeps text and photo, and no fingerprint byte reaches the event', async () => {
    const { sim, driver } = fit('fails', 'text-photo-fingerprint');
    const read = new Promise<{ card: unknown; photo: Buffer }>((resolve) => driver.cards.once('card', resolve));
    await driver.open();
    sim.putCard(CARD_PROFILES['resident-rare']!);
    const got = await read;
    expect(sim.received.some(([c, p]) => c === 0x30 && p === 0x10)).toBe(true);
    expect(got.card).toEqual(CARD_PROFILES['resident-rare']);
    expect(got.photo).toHaveLength(1024);
    expect(JSON.stringify(got).includes('f9f9')).toBe(false);
  });
});
