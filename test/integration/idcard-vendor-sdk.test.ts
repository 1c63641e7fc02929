import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IdReaderDriver } from '../../device-daemon/src/devices/idcard/driver';
import { VendorSdkLink } from '../../device-daemon/src/devices/idcard/vendor-sdk/link';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { uniformTimeouts } from '../../device-daemon/src/devices/idcard/timing';
import type { CardRead } from '../../device-daemon/src/devices/idcard/card-cycle';
import { buildFakeReader, type FakeReader } from '../support/vendor-sdk/fake-reader';

// The C library is compiled by gcc for this run and loaded through koffi: the FFI path, the mapping of each
// family onto the card model and every return code run for real; only the library is a stand-in.
let fake: FakeReader;
beforeAll(() => {
  fake = buildFakeReader();
  process.env.FAKE_READER_DIR = fake.dir;
});
afterAll(() => fake.dispose());

const drivers: IdReaderDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
  fake.removeCard();
  fake.fault('none');
});

function fit(family: 'cvr' | 'sdt') {
  const transport = new VendorSdkLink({ library: fake.library, family, port: 1001 });
  const driver = new IdReaderDriver({ transport, simulated: false, driver: 'vendor-sdk', pollIntervalMs: 20, timeouts: uniformTimeouts(2000), baudRate: 115200 });
  drivers.push(driver);
  const cards: CardRead[] = [];
  const errors: string[] = [];
  let removed = 0;
  driver.cards.on('card', (c) => cards.push(c));
  driver.cards.on('readError', (e) => errors.push(e.code));
  driver.cards.on('removed', () => (removed += 1));
  return { driver, cards, errors, removed: () => removed };
}

const until = async (cond: () => boolean, ms = 4000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('vendor-sdk, SDT_* family (sdtapi)', () => {
  it('reads every card type whole, with its photo and the printed SAM id, once per placement', async () => {
    const { driver, cards, removed } = fit('sdt');
    await driver.open();
    expect(driver.state).toBe('idle');
    expect(driver.status().detail.samId).toBe('05.01-20101129-0001228293-0296863149');
    for (const profile of Object.values(CARD_PROFILES)) {
      const before = cards.length;
      fake.putCard(profile);
      await until(() => cards.length === before + 1);
      expect(cards.at(-1)!.card).toEqual(profile);
      expect(cards.at(-1)!.photo).toHaveLength(1024);
      const r = removed();
      fake.removeCard();
      await until(() => removed() === r + 1);
    }
    expect(cards).toHaveLength(Object.keys(CARD_PROFILES).length);
  });

  it('maps the library\'s codes: 0x41 read failed, 0x60 SAM fault (error, then recovery), 0x01 no reader (offline)', async () => {
    const { driver, cards, errors } = fit('sdt');
    await driver.open();
    fake.fault('read-failure');
    fake.putCard(CARD_PROFILES.resident!);
    await until(() => errors.includes('CARD_READ_FAILED'));
    fake.fault('sam-fault');
    await until(() => driver.state === 'error' && errors.includes('SAM_FAULT'));
    fake.fault('none');
    await until(() => cards.length === 1 && driver.state === 'idle');
    await driver.close();
    fake.fault('no-device');
    await driver.open();
    expect(driver.state).toBe('offline');
  });

  it('a module that keeps answering find while the card stays still gives one card.read', async () => {
    const { driver, cards, removed } = fit('sdt');
    fake.fault('find-repeats');
    await driver.open();
    fake.putCard(CARD_PROFILES.resident!);
    await until(() => cards.length === 1);
    await new Promise((r) => setTimeout(r, 800));
    expect([cards.length, removed()]).toEqual([1, 0]);
  });
});

describe('vendor-sdk, CVR_* family (libtermb)', () => {
  it('reads a resident card from the per-field getters (GB18030, 生僻字 included) without a photo', async () => {
    const { driver, cards } = fit('cvr');
    await driver.open();
    expect(driver.state).toBe('idle');
    expect(driver.status().detail.samId).toBeUndefined();
    for (const name of ['resident', 'resident-elder', 'resident-rare'] as const) {
      const before = cards.length;
      fake.putCard(CARD_PROFILES[name]!);
      await until(() => cards.length === before + 1);
      expect(cards.at(-1)!.card).toEqual(CARD_PROFILES[name]);
      expect(cards.at(-1)!.photo).toHaveLength(0);
      fake.removeCard();
      await until(() => driver.status().detail.cardInField === false);
    }
  });

  it('CVR_Read_Content failing is a failed read; CVR_InitComm failing keeps the reader offline', async () => {
    const { driver, errors } = fit('cvr');
    await driver.open();
    fake.fault('read-failure');
    fake.putCard(CARD_PROFILES.resident!);
    await until(() => errors.includes('CARD_READ_FAILED'));
    expect(driver.status().statistics.FailedReadCount).toBeGreaterThan(0);
    await driver.close();
    fake.fault('no-device');
    await driver.open();
    expect(driver.state).toBe('offline');
  });

  it('a library that is not there is ENOENT, said with its path', async () => {
    const link = new VendorSdkLink({ library: '/nonexistent/libtermb.so', family: 'cvr', port: 1001 });
    await expect(link.open()).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('/nonexistent/libtermb.so') });
  });
});
