import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { run } from './exec';
import { accessible, hex4 } from './hardware-checks';
import { fail, pass, warn, type Check } from './types';

/**
 * Probes for the readers that are not serial ports: a SAM module in USB mode (libusb), a vendor's shared
 * library (FFI) and a document camera (V4L2 through ffmpeg). Each asks one harmless question.
 */

/** Finds the device by vendor and product id through the same `usb` package the driver uses, and opens it. */
export async function probeUsb(name: string, what: string, vendorId: number, productId: number): Promise<Check> {
  const id = `device.${name}`;
  const title = `${what} USB ${hex4(vendorId)}:${hex4(productId)} (find and open)`;
  let usb: { findDeviceByIds(v: number, p: number): Promise<{ open(): Promise<void>; close(): Promise<void>; productName?: string | null } | undefined> };
  try {
    usb = ((await import('usb')) as unknown as { usb: typeof usb }).usb;
  } catch (err) {
    return fail(id, title, `the usb package cannot load: ${(err as Error).message}`, 'apt-get install libusb-1.0-0; npm rebuild usb');
  }
  let device;
  try {
    device = await usb.findDeviceByIds(vendorId, productId);
  } catch (err) {
    return fail(id, title, `cannot list USB devices: ${(err as Error).message}`, 'the daemon needs /sys/bus/usb (not available in some containers) and libusb-1.0-0');
  }
  if (!device) return fail(id, title, 'no such USB device', 'plug in the reader; `lsusb` shows its vendor:product id (the iDR200 is 0400:c35a)');
  try {
    await device.open();
    await device.close();
    return pass(id, title, `found and opened${device.productName ? ` (${device.productName})` : ''}`);
  } catch (err) {
    return fail(id, title, `found but cannot open: ${(err as Error).message}`, 'install deploy/udev/99-kiosk.rules (the SAM USB line) and replug the reader');
  }
}

/** Loads the library through koffi, as the driver does, and resolves each entry point of its family. */
export async function probeSharedLibrary(name: string, what: string, library: string, symbols: string[]): Promise<Check> {
  const id = `device.${name}`;
  const title = `${what} vendor library ${library}`;
  if (!existsSync(library)) return fail(id, title, `${library} does not exist`, 'copy the vendor\'s Linux library there, or correct devices.idReader.library');
  try {
    const koffi = ((await import('koffi')) as unknown as { default: typeof import('koffi') }).default;
    const lib = koffi.load(library);
    const missing = symbols.filter((s) => {
      try {
        lib.func(`int ${s}()`);
        return false;
      } catch {
        return true;
      }
    });
    lib.unload();
    if (missing.length) return fail(id, title, `does not export ${missing.join(', ')}`, 'check devices.idReader.family (cvr: libtermb, sdt: sdtapi) against the library the vendor shipped');
    return pass(id, title, `loads and exports ${symbols.join(', ')}`);
  } catch (err) {
    return fail(id, title, `cannot load: ${(err as Error).message}`, 'a 64-bit library for this machine is needed; `ldd` it to find missing dependencies (often libusb-1.0-0)');
  }
}

/** The V4L2 node exists and is readable, and ffmpeg lists its formats (does not capture). */
export async function probeCamera(name: string, what: string, device: string, ffmpeg: string): Promise<Check> {
  const id = `device.${name}`;
  const title = `${what} camera ${device} (ffmpeg -list_formats)`;
  if (!existsSync(device)) return fail(id, title, `${device} does not exist`, 'plug in the 高拍仪; `v4l2-ctl --list-devices` or `ls /dev/v4l/by-id` shows its node');
  if (!accessible(device)) return fail(id, title, `no read access to ${device}`, 'add the daemon\'s user to group video, or install deploy/udev/99-kiosk.rules');
  const r = await run(ffmpeg, ['-hide_banner', '-f', 'v4l2', '-list_formats', 'all', '-i', device], 15_000);
  if (r.missing) return fail(id, title, `${ffmpeg} is not installed`, 'apt-get install ffmpeg (scripts/install-system-deps.sh)');
  try {
    createRequire(import.meta.url).resolve('@techstark/opencv-js');
  } catch {
    return fail(id, title, 'the page finder\'s OpenCV package (@techstark/opencv-js) is not installed', 'npm install (it is a dependency of the daemon)');
  }
  const formats = r.stderr.split('\n').filter((l) => /Raw|Compressed/.test(l));
  if (formats.length === 0) return warn(id, title, 'ffmpeg listed no formats', 'check the cable; another program may hold the camera');
  return pass(id, title, `${formats.length} format line(s), e.g. ${formats[0]!.replace(/^\[.*?\]\s*/, '').slice(0, 120)}`);
}
