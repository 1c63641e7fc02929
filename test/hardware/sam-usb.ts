/**
 * On real hardware, by hand (not part of `npm test`: no machine here has the reader):
 *
 *   npx tsx test/hardware/sam-usb.ts 0400:c35a [headerOut,headerIn,bodyOut,bodyIn]
 *
 * Opens a SAM module in USB mode through the production transport and driver, prints the SAM status and id,
 * then waits 30 s for a card and prints its type and masked name. Exit 0 when a card was read.
 */
import { IdReaderDriver } from '../../device-daemon/src/devices/idcard/driver';
import { UsbBulkTransport } from '../../device-daemon/src/devices/idcard/transport/usb-bulk-transport';
import { LibusbBulkDevice } from '../../device-daemon/src/devices/idcard/transport/libusb-device';
import { VENDOR_DOCUMENT_ENDPOINTS } from '../../device-daemon/src/devices/idcard/transport/bulk-device';
import { FIELD_TIMEOUTS } from '../../device-daemon/src/devices/idcard/timing';

const [ids, eps] = process.argv.slice(2);
const m = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(ids ?? '');
if (!m) {
  console.error('usage: npx tsx test/hardware/sam-usb.ts VID:PID [headerOut,headerIn,bodyOut,bodyIn] (hex)');
  process.exit(2);
}
const e = eps ? eps.split(',').map((x) => parseInt(x, 16)) : undefined;
const endpoints = e?.length === 4 ? { headerOut: e[0]!, headerIn: e[1]!, bodyOut: e[2]!, bodyIn: e[3]! } : VENDOR_DOCUMENT_ENDPOINTS;
const transport = new UsbBulkTransport(new LibusbBulkDevice(parseInt(m[1]!, 16), parseInt(m[2]!, 16)), endpoints, FIELD_TIMEOUTS.readMs);
const driver = new IdReaderDriver({ transport, simulated: false, driver: 'sam-usb', pollIntervalMs: 300, timeouts: FIELD_TIMEOUTS, baudRate: 115200 });
await driver.open();
const status = driver.status();
console.log(`state ${status.state}${status.reason ? ` (${status.reason})` : ''}; SAM id ${String(status.detail.samId ?? 'none')}`);
if (status.state !== 'idle') {
  console.log(status.recentErrors.map((r) => `${r.code}: ${r.message}`).join('\n'));
  await driver.close();
  process.exit(1);
}
console.log('put a card on the reader (30 s)…');
const read = await new Promise<boolean>((resolve) => {
  const t = setTimeout(() => resolve(false), 30_000);
  driver.cards.once('card', (r) => {
    clearTimeout(t);
    console.log(`read: ${r.card.cardType}, ${r.card.name.slice(0, 1)}${'*'.repeat(Math.max(0, r.card.name.length - 1))}, photo ${r.photo.length} bytes`);
    resolve(true);
  });
});
await driver.close();
process.exit(read ? 0 : 1);
