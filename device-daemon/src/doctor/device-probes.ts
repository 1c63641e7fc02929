import type { KioskConfig } from '../config/schema';
import type { DoctorProbe } from '../devices/core/descriptor';
import { anyDescriptor, DEVICE_NAMES, type DeviceName } from '../devices/descriptors';
import { run } from './exec';
import { hex4, listSane } from './hardware-checks';
import { probeEscposPrinter, probeSamReader, probeSerialOpen } from './serial-probes';
import { fail, guarded, pass, type Check } from './types';
import { probeCamera, probeSharedLibrary, probeUsb } from './reader-probes';

const simulated = (name: string): Check =>
  pass(`device.${name}`, `${name}: simulated`, 'simulated in software: no hardware to probe');

/** HID open and close: proves the unit is present and this user may open it. */
export async function probeHid(name: string, what: string, vendorId: number, productId: number, path?: string): Promise<Check> {
  const id = `device.${name}`;
  const title = `${what} HID ${hex4(vendorId)}:${hex4(productId)}${path ? ` ${path}` : ''} (open)`;
  let HID: typeof import('node-hid');
  try {
    HID = await import('node-hid');
  } catch (err) {
    return fail(id, title, `node-hid cannot load: ${(err as Error).message}`, 'apt-get install libusb-1.0-0');
  }
  const found = (await HID.devicesAsync(vendorId, productId)).filter((d) => d.path && (!path || d.path === path));
  if (found.length === 0) return fail(id, title, 'no such HID device', `plug in the ${what}; check \`lsusb\` for the vendor and product id in the configuration`);
  try {
    const device = await HID.HIDAsync.open(found[0]!.path!, { nonExclusive: true });
    await device.close();
    return pass(id, title, `opened ${found[0]!.path}${found[0]!.product ? ` (${found[0]!.product})` : ''}`);
  } catch (err) {
    return fail(id, title, `cannot open ${found[0]!.path}: ${(err as Error).message}`, `install deploy/udev/99-kiosk.rules and replug the ${what}`);
  }
}

/** `scanimage -L` lists the device, or (for backends not listed, like `test`) `scanimage -d DEV -A` opens it. */
export async function probeSane(name: string, what: string, device: string): Promise<Check> {
  const id = `device.${name}`;
  const title = `${what} SANE "${device}"`;
  const list = await listSane();
  if (list.missing) return fail(id, title, 'scanimage is not installed', 'apt-get install sane-utils');
  if (list.stdout.includes(`device \`${device}'`)) return pass(id, title, `listed by scanimage -L`);
  const open = await run('scanimage', ['-d', device, '-A'], 30_000);
  if (open.code === 0) return pass(id, title, 'not listed by scanimage -L, but scanimage -d … -A opened it');
  const why = (open.stderr.trim().split('\n').pop() ?? '').slice(0, 200) || (open.timedOut ? 'timed out' : `exit ${open.code}`);
  return fail(id, title, `cannot open: ${why}`, 'check power and cable, `sane-find-scanner`, and that the backend is enabled in /etc/sane.d/dll.conf');
}

/** Runs the probe a device's descriptor chose for its configuration. */
function runProbe(name: string, title: string, probe: DoctorProbe): Promise<Check> {
  switch (probe.kind) {
    case 'simulated':
      return Promise.resolve(simulated(name));
    case 'sam-serial':
      return probeSamReader(probe.path, probe.baudRate);
    case 'escpos':
      return probeEscposPrinter(probe.link, probe.path, probe.baudRate, probe.repliesRequired);
    case 'hid':
      return probeHid(name, title, probe.vendorId, probe.productId, probe.path);
    case 'sane':
      return probeSane(name, title, probe.device);
    case 'serial-open':
      return probeSerialOpen(name, title, probe.path, probe.baudRate);
    case 'usb':
      return probeUsb(name, title, probe.vendorId, probe.productId);
    case 'shared-library':
      return probeSharedLibrary(name, title, probe.library, probe.symbols);
    case 'camera':
      return probeCamera(name, title, probe.device, probe.ffmpeg);
  }
}

/** The probe each configured device asks for, in the order of the device list; absent devices are not fitted. */
export function devicesToProbe(config: KioskConfig): { name: DeviceName; title: string; probe: DoctorProbe }[] {
  const sections = config.devices as Partial<Record<DeviceName, { driver: string }>>;
  return DEVICE_NAMES.flatMap((name) => {
    const section = sections[name];
    if (!section) return [];
    const d = anyDescriptor(name);
    return [{ name, title: d.title, probe: d.doctorProbe(section) }];
  });
}

/** One harmless probe per configured device. */
export async function probeDevices(config: KioskConfig): Promise<Check[]> {
  const out: Check[] = [];
  for (const { name, title, probe } of devicesToProbe(config)) {
    out.push(...(await guarded(`device.${name}`, title, () => runProbe(name, title, probe))));
  }
  return out;
}
