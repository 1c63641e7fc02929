import type { KioskConfig } from '../config/schema';
import { run } from './exec';
import { hex4, listSane } from './hardware-checks';
import { probeEscposPrinter, probeSamReader } from './serial-probes';
import { fail, guarded, pass, type Check } from './types';

const simulated = (name: string): Check =>
  pass(`device.${name}`, `${name}: simulated`, 'simulated in software: no hardware to probe');

/** HID open and close: proves the unit is present and this user may open it. */
export async function probeHidKeypad(vendorId: number, productId: number, path?: string): Promise<Check> {
  const id = 'device.keypad';
  const title = `keypad HID ${hex4(vendorId)}:${hex4(productId)}${path ? ` ${path}` : ''} (open)`;
  let HID: typeof import('node-hid');
  try {
    HID = await import('node-hid');
  } catch (err) {
    return fail(id, title, `node-hid cannot load: ${(err as Error).message}`, 'apt-get install libusb-1.0-0');
  }
  const found = (await HID.devicesAsync(vendorId, productId)).filter((d) => d.path && (!path || d.path === path));
  if (found.length === 0) return fail(id, title, 'no such HID device', 'plug in the keypad; check `lsusb` for the vendor and product id in the configuration');
  try {
    const device = await HID.HIDAsync.open(found[0]!.path!, { nonExclusive: true });
    await device.close();
    return pass(id, title, `opened ${found[0]!.path}${found[0]!.product ? ` (${found[0]!.product})` : ''}`);
  } catch (err) {
    return fail(id, title, `cannot open ${found[0]!.path}: ${(err as Error).message}`, 'install deploy/udev/99-kiosk.rules and replug the keypad');
  }
}

/** `scanimage -L` lists the device, or (for backends not listed, like `test`) `scanimage -d DEV -A` opens it. */
export async function probeSaneScanner(device: string): Promise<Check> {
  const id = 'device.scanner';
  const title = `scanner SANE "${device}"`;
  const list = await listSane();
  if (list.missing) return fail(id, title, 'scanimage is not installed', 'apt-get install sane-utils');
  if (list.stdout.includes(`device \`${device}'`)) return pass(id, title, `listed by scanimage -L`);
  const open = await run('scanimage', ['-d', device, '-A'], 30_000);
  if (open.code === 0) return pass(id, title, 'not listed by scanimage -L, but scanimage -d … -A opened it');
  const why = (open.stderr.trim().split('\n').pop() ?? '').slice(0, 200) || (open.timedOut ? 'timed out' : `exit ${open.code}`);
  return fail(id, title, `cannot open: ${why}`, 'check power and cable, `sane-find-scanner`, and that the backend is enabled in /etc/sane.d/dll.conf');
}

/** One harmless probe per configured device; absent devices are not fitted and not probed. */
export async function probeDevices(config: KioskConfig): Promise<Check[]> {
  const d = config.devices;
  const out: Check[] = [];
  if (d.idReader) {
    const c = d.idReader;
    out.push(...(await guarded('device.idReader', 'ID-card reader', async () => (c.driver === 'simulated' ? simulated('idReader') : probeSamReader(c.path, c.baudRate)))));
  }
  if (d.printer) {
    const c = d.printer;
    out.push(
      ...(await guarded('device.printer', 'ticket printer', async () =>
        c.driver === 'simulated'
          ? simulated('printer')
          : probeEscposPrinter(c.driver === 'escpos-serial' ? 'serial' : 'device', c.path, c.driver === 'escpos-serial' ? c.baudRate : 0, c.statusReplies === 'required'),
      )),
    );
  }
  if (d.keypad) {
    const c = d.keypad;
    out.push(...(await guarded('device.keypad', 'keypad', async () => (c.driver === 'simulated' ? simulated('keypad') : probeHidKeypad(c.vendorId, c.productId, c.path)))));
  }
  if (d.scanner) {
    const c = d.scanner;
    out.push(...(await guarded('device.scanner', 'scanner', async () => (c.driver === 'simulated' ? simulated('scanner') : probeSaneScanner(c.device)))));
  }
  return out;
}
