import { accessSync, constants, readdirSync } from 'node:fs';
import { run } from './exec';
import { fail, pass, warn, type Check } from './types';

/** What the configuration needs, so a missing listing is a FAIL only when something depends on it. */
export interface Needs {
  serial: boolean;
  hid: boolean;
  sane: boolean;
}

/** Serial ports as udev sees them (serialport's list); pseudo-terminals are not listed. */
export async function serialPortsCheck(needs: Needs): Promise<Check> {
  const title = 'serial ports';
  let ports: { path: string; manufacturer?: string; vendorId?: string; productId?: string; serialNumber?: string }[];
  try {
    const { SerialPort } = await import('serialport');
    ports = await SerialPort.list();
  } catch (err) {
    return fail('serial.ports', title, `cannot list: ${(err as Error).message}`, 'apt-get install udev; npm rebuild @serialport/bindings-cpp');
  }
  const list = ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer, vendorId: p.vendorId, productId: p.productId }));
  const text = list.length ? list.map((p) => `${p.path}${p.manufacturer ? ` (${p.manufacturer})` : ''}`).join(', ') : 'none found';
  if (list.length === 0 && needs.serial) {
    return warn('serial.ports', title, text, 'plug in the USB-serial reader/printer; check `dmesg | tail` and `ls -l /dev/serial/by-id`', { ports: list });
  }
  return pass('serial.ports', title, text, { ports: list });
}

/** HID devices through node-hid; loading it fails without libusb. */
export async function hidDevicesCheck(needs: Needs): Promise<Check> {
  const title = 'HID devices';
  let devices: { vendorId: number; productId: number; product?: string; path?: string }[];
  try {
    const HID = await import('node-hid');
    devices = await HID.devicesAsync();
  } catch (err) {
    const message = (err as Error).message;
    const hint = /libusb/i.test(message) ? 'apt-get install libusb-1.0-0' : 'npm rebuild node-hid; apt-get install libusb-1.0-0 libudev1';
    return fail('hid.devices', title, `node-hid cannot load: ${message}`, hint);
  }
  const list = devices.map((d) => ({
    vendorId: d.vendorId,
    productId: d.productId,
    id: `${hex4(d.vendorId)}:${hex4(d.productId)}`,
    product: d.product,
    path: d.path,
  }));
  const unique = [...new Map(list.map((d) => [d.path ?? d.id, d])).values()];
  const text = unique.length ? unique.map((d) => `${d.id}${d.product ? ` ${d.product}` : ''} ${d.path ?? ''}`.trim()).join(', ') : 'none found';
  if (unique.length === 0 && needs.hid) return warn('hid.devices', title, text, 'plug in the keypad; check `lsusb`', { devices: unique });
  return pass('hid.devices', title, text, { devices: unique });
}

let saneList: ReturnType<typeof run> | undefined;
/** `scanimage -L` takes seconds (it asks every backend): one run serves the listing and the scanner probe. */
export function listSane(): ReturnType<typeof run> {
  return (saneList ??= run('scanimage', ['-L'], 30_000));
}

/** SANE scanners from `scanimage -L` (the test backend is not listed unless enabled in dll.conf). */
export async function saneScannersCheck(needs: Needs): Promise<Check> {
  const title = 'SANE scanners (scanimage -L)';
  const r = await listSane();
  if (r.missing) {
    const hint = 'apt-get install sane-utils';
    return needs.sane ? fail('sane.scanners', title, 'scanimage is not installed', hint) : warn('sane.scanners', title, 'scanimage is not installed', hint);
  }
  const devices = [...r.stdout.matchAll(/device `([^']+)' is a (.+)/g)].map((m) => ({ device: m[1]!, description: m[2]!.trim() }));
  const text = devices.length ? devices.map((d) => `${d.device} (${d.description})`).join(', ') : 'none found';
  if (devices.length === 0 && needs.sane) {
    return warn('sane.scanners', title, text, 'plug in and power the scanner; check `sane-find-scanner` and the backend in /etc/sane.d/dll.conf', { devices });
  }
  return pass('sane.scanners', title, text, { devices });
}

/** Whether this user may read and write every /dev/hidraw* (the keypad is one of them). */
export function hidrawPermissionsCheck(needs: Needs, devDir = '/dev'): Check {
  const title = 'hidraw permissions';
  const nodes = safeList(devDir).filter((f) => /^hidraw\d+$/.test(f)).map((f) => `${devDir}/${f}`);
  if (nodes.length === 0) return pass('permissions.hidraw', title, 'no /dev/hidraw* devices present', { nodes });
  const denied = nodes.filter((n) => !accessible(n));
  if (denied.length === 0) return pass('permissions.hidraw', title, `read/write on ${nodes.join(', ')}`, { nodes, denied });
  const hint = 'install deploy/udev/99-kiosk.rules (gives the kiosk group the keypad\'s hidraw node), then replug the keypad';
  const detail = `no read/write access to ${denied.join(', ')}`;
  return needs.hid ? fail('permissions.hidraw', title, detail, hint, { nodes, denied }) : warn('permissions.hidraw', title, detail, hint, { nodes, denied });
}

export function accessible(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export const hex4 = (n: number) => n.toString(16).padStart(4, '0');
