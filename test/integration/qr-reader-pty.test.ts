import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../support/pty';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { attachToTransport, type AttachedDevice } from '../../device-daemon/src/devices/core/attach-transport';
import { QrReaderDriver, type QrScan } from '../../device-daemon/src/devices/qrReader/driver';
import { QrScannerSimulator } from '../../device-daemon/src/devices/qrReader/sim/simulator';

/**
 * The production QR driver on a real pseudo-terminal (socat) as a scanner in USB CDC mode shows up, with the
 * simulator on the far end sending GB18030 text and a CR LF suffix at 9600 baud, split however the tty
 * layer splits it.
 */
const sim = new QrScannerSimulator({ mode: 'serial', suffix: 'CRLF', sends: 'gb18030' });
let pair: PtyPair;
let far: AttachedDevice;
let driver: QrReaderDriver;

beforeAll(async () => {
  pair = await openPtyPair();
  far = await attachToTransport(sim, new SerialTransport(pair.devicePath, 9600), { paceBaud: 9600 });
  const settings = { suffix: 'CRLF' as const, encoding: 'auto' as const, maxLength: 256, partialTimeoutMs: 300, selfTestSeconds: 5 };
  driver = new QrReaderDriver(new SerialTransport(pair.hostPath, 9600), settings, { simulated: false, driver: 'serial' });
  await driver.open();
  expect(driver.state).toBe('idle');
});
afterAll(async () => {
  await driver?.close();
  await far?.detach().catch(() => undefined);
  await pair?.close();
});

const scanned = (n: number) =>
  new Promise<QrScan[]>((resolve, reject) => {
    const got: QrScan[] = [];
    const timer = setTimeout(() => reject(new Error(`only ${got.length} of ${n} scans`)), 5000);
    const on = (s: QrScan) => {
      got.push(s);
      if (got.length === n) {
        clearTimeout(timer);
        driver.scans.off('scan', on);
        resolve(got);
      }
    };
    driver.scans.on('scan', on);
  });

describe('QR reader over a pty pair (CDC mode)', () => {
  it('reads GB18030 codes back to back, paced at the line speed', async () => {
    const got = scanned(3);
    sim.scan('梅州市政务服务中心 预约 YY-K7P3Q9');
    sim.scan('YY-ABCDEFGH');
    sim.scan('http://127.0.0.1:8080/m/t/1b2c');
    expect((await got).map((s) => s.text)).toEqual(['梅州市政务服务中心 预约 YY-K7P3Q9', 'YY-ABCDEFGH', 'http://127.0.0.1:8080/m/t/1b2c']);
  });

  it('drops half a code after silence and reads the next whole one', async () => {
    const bad = new Promise((resolve) => driver.scans.once('badScan', resolve));
    sim.partial('YY-HALFHALF');
    expect(await bad).toMatchObject({ code: 'QR_PARTIAL' });
    const got = scanned(1);
    sim.scan('YY-WHOLE000');
    expect((await got)[0]!.text).toBe('YY-WHOLE000');
  });
});
