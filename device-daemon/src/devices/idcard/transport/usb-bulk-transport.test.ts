import { afterEach, describe, expect, it } from 'vitest';
import { IdReaderDriver } from '../driver';
import { IdCardSimulator } from '../sim/simulator';
import { SimBulkDevice } from '../sim/bulk-sim';
import { CARD_PROFILES } from '../sim/profiles';
import { FIELD_TIMEOUTS, uniformTimeouts } from '../timing';
import { UsbBulkTransport } from './usb-bulk-transport';
import { VENDOR_DOCUMENT_ENDPOINTS } from './bulk-device';

const drivers: IdReaderDriver[] = [];
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** The production driver and transport; only the USB device underneath is the simulator's. */
function fit() {
  const sam = new IdCardSimulator();
  const usb = new SimBulkDevice(sam, VENDOR_DOCUMENT_ENDPOINTS);
  const transport = new UsbBulkTransport(usb, VENDOR_DOCUMENT_ENDPOINTS, FIELD_TIMEOUTS.readMs);
  const driver = new IdReaderDriver({ transport, simulated: false, driver: 'sam-usb', pollIntervalMs: 20, timeouts: uniformTimeouts(300), baudRate: 115200 });
  drivers.push(driver);
  const cards: string[] = [];
  driver.cards.on('card', (r) => cards.push(r.card.name));
  return { sam, usb, driver, cards };
}

describe('sam-usb: GA 467 frames over the vendor document\'s bulk endpoints', () => {
  it('checks the SAM, prints its id and reads every card type, each frame on the right endpoints', async () => {
    const { sam, usb, driver, cards } = fit();
    await driver.open();
    expect(driver.state).toBe('idle');
    expect(driver.status().detail.samId).toBe('05.01-20101129-0001228293-0296863149');
    for (const profile of Object.values(CARD_PROFILES)) {
      sam.putCard(profile);
      await until(() => cards.at(-1) === profile.name && driver.status().detail.cardInField === true);
      sam.removeCard();
      await until(() => driver.status().detail.cardInField === false);
    }
    expect(cards).toEqual(Object.values(CARD_PROFILES).map((p) => p.name));
    expect(usb.misrouted).toBe(0);
  });

  it('a transport that ignores the split reaches nothing: the module drops the frame and the link times out', async () => {
    const sam = new IdCardSimulator();
    const swapped = { ...VENDOR_DOCUMENT_ENDPOINTS, headerOut: 0x06, bodyOut: 0x02 };
    const usb = new SimBulkDevice(sam, VENDOR_DOCUMENT_ENDPOINTS);
    const driver = new IdReaderDriver({ transport: new UsbBulkTransport(usb, swapped, 300), simulated: false, driver: 'sam-usb', pollIntervalMs: 20, timeouts: uniformTimeouts(100), baudRate: 115200 });
    drivers.push(driver);
    await driver.open();
    expect(driver.state).toBe('offline');
    expect(driver.status().recentErrors.at(-1)?.code).toBe('REPLY_TIMEOUT');
    expect(usb.misrouted).toBeGreaterThan(0);
  });

  it('hot-plug: unplugged it goes offline at once; plugged back it reconnects on the attach event, not the backoff', async () => {
    const { sam, usb, driver, cards } = fit();
    await driver.open();
    usb.unplug();
    await until(() => driver.state === 'offline');
    expect(driver.status().recentErrors.at(-1)?.code).toBe('READER_DISCONNECTED');
    await new Promise((r) => setTimeout(r, 1200)); // past the first backoff retries, which fail while unplugged
    const pluggedAt = Date.now();
    usb.plug();
    await until(() => driver.state === 'idle', 1000);
    expect(Date.now() - pluggedAt).toBeLessThan(500);
    sam.putCard(CARD_PROFILES.resident!);
    await until(() => cards.length === 1);
  });
});
