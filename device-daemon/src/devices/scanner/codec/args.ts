/**
 * Building scanimage command lines (scanimage(1)): pure functions, so every option a scan sets is tested.
 * Option values that differ between backends (the names of sources) are data from the configuration,
 * not code.
 */
export type ScanMode = 'gray' | 'color';
export type ScanSource = 'flatbed' | 'adf';

/** Scan area in millimetres from the top-left corner of the glass (scanimage -l -t -x -y). */
export interface ScanArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ScanOptions {
  /** Dots per inch, 1..1200 (the test backend's range; real scanners accept fewer values). */
  resolution: number;
  mode: ScanMode;
  source: ScanSource;
  /** Absent: the device's default area. */
  area?: ScanArea;
}

/** How a backend names its sources; the SANE test backend's names are the default. */
export interface SourceNames {
  flatbed: string;
  adf: string;
}

export const TEST_BACKEND_SOURCES: SourceNames = { flatbed: 'Flatbed', adf: 'Automatic Document Feeder' };

/** SANE's well-known scan mode values (SANE_VALUE_SCAN_MODE_GRAY / _COLOR). */
const SANE_MODE: Record<ScanMode, string> = { gray: 'Gray', color: 'Color' };

/** `-f` format of a device listing: one device a line, fields separated by `|` (%d name, %v vendor, %m model, %t type). */
export const LIST_FORMAT = '%d|%v|%m|%t%n';

export function listArgs(): string[] {
  return ['-f', LIST_FORMAT];
}

export interface ListedDevice {
  name: string;
  vendor: string;
  model: string;
  type: string;
}

export function parseDeviceList(stdout: string): ListedDevice[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', vendor = '', model = '', type = ''] = line.split('|');
      return { name, vendor, model, type };
    })
    .filter((d) => d.name);
}

/** The listed device `device` (as configured, e.g. `test` or `fujitsu:fi-7160:123`) names, if any. */
export function findListed(device: string, list: readonly ListedDevice[]): ListedDevice | undefined {
  // A backend name alone (`test`) opens its first device (`test:0`).
  return list.find((d) => d.name === device || d.name.startsWith(`${device}:`));
}

/** Whether `device` is one of the listed devices. */
export const deviceListed = (device: string, list: readonly ListedDevice[]): boolean => findListed(device, list) !== undefined;

/**
 * One page to stdout as PNM, with progress on stderr. Device-specific options follow the device name,
 * as scanimage requires; `extra` (a simulator's script) goes last.
 */
export function scanArgs(device: string, opts: ScanOptions, sources: SourceNames, extra: readonly string[] = []): string[] {
  if (!Number.isInteger(opts.resolution) || opts.resolution < 1 || opts.resolution > 1200) {
    throw new RangeError(`resolution must be a whole number of dpi from 1 to 1200, got ${opts.resolution}`);
  }
  const args = [
    '-d', device,
    '--format=pnm',
    '-p',
    '--resolution', String(opts.resolution),
    '--mode', SANE_MODE[opts.mode],
    '--source', sources[opts.source],
  ];
  if (opts.area) {
    const { left, top, width, height } = opts.area;
    for (const [k, v] of Object.entries(opts.area)) {
      if (!(v >= 0)) throw new RangeError(`area.${k} must be 0 or more millimetres, got ${v}`);
    }
    args.push('-l', String(left), '-t', String(top), '-x', String(width), '-y', String(height));
  }
  return [...args, ...extra];
}
