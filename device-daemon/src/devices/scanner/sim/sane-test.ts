import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunOptions, ScanProcess, ScanTransport } from '../transport/scan-transport';

/**
 * The SANE `test` backend (sane-test(5)) as the kiosk's simulated scanner: a real SANE device driven by the
 * real scanimage, with the backend's own fault injection (`--read-return-value`). This is the simulator's
 * scripting surface: it adds backend options to every scan run and passes everything else through.
 */
export type ScannerFault = 'none' | 'jammed' | 'no-documents' | 'cover-open';

export const SCANNER_FAULTS: readonly ScannerFault[] = ['none', 'jammed', 'no-documents', 'cover-open'];

/** Values of the test backend's `--read-return-value` option, by fault. */
export const READ_RETURN_VALUE: Record<ScannerFault, string> = {
  'none': 'Default',
  'jammed': 'SANE_STATUS_JAMMED',
  'no-documents': 'SANE_STATUS_NO_DOCS',
  'cover-open': 'SANE_STATUS_COVER_OPEN',
};

/** The device name the simulated scanner opens. */
export const TEST_DEVICE = 'test';

/**
 * Writes a SANE configuration folder whose dll.conf loads only the test backend (it is commented out in
 * the system's /etc/sane.d/dll.conf) and returns its path for SANE_CONFIG_DIR.
 */
export function writeTestBackendConfig(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  return dir;
}

export class SaneTestScript {
  fault: ScannerFault = 'none';
  /** A grid looks like a ruled document page and compresses like one. */
  picture = 'Grid';
  /** Microseconds the backend waits per buffer: makes a scan slow enough to watch its progress. */
  readDelayUs = 0;

  /** Test backend options appended after the driver's own (scan runs only). */
  args(): string[] {
    const args = ['--test-picture', this.picture, '--read-return-value', READ_RETURN_VALUE[this.fault]];
    if (this.readDelayUs > 0) args.push('--read-delay=yes', '--read-delay-duration', String(this.readDelayUs));
    return args;
  }
}

/** Wraps a transport: scan runs get the script's options, listings pass through untouched. */
export class SaneTestTransport implements ScanTransport {
  constructor(
    private readonly inner: ScanTransport,
    readonly script: SaneTestScript,
  ) {}

  get description(): string {
    return `${this.inner.description} · SANE test backend`;
  }

  run(args: readonly string[], options?: RunOptions): ScanProcess {
    const scanning = args.includes('-d');
    return this.inner.run(scanning ? [...args, ...this.script.args()] : args, options);
  }
}
