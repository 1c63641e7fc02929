import { PassThrough } from 'node:stream';
import type { ScanProcess, ScanTransport } from '../transport/scan-transport';
import type { ScanExit } from '../codec/status';
import { SANE_STATUS } from '../codec/status';
import { encodePnm } from '../codec/pnm';

/**
 * An in-process stand-in for `scanimage -d test` on machines without SANE, so `npm start` works anywhere.
 * It reads the same command line and answers with the same bytes: a `-f` device listing, or a PNM image on
 * stdout with `Progress: n%` records on stderr, and the SANE status as exit code for injected faults.
 * It imitates the test backend (80 x 100 mm default area, a 10 mm grid), not any real scanner.
 */
const DEVICES = ['test:0|Noname|frontend-tester|virtual device', 'test:1|Noname|frontend-tester|virtual device'];

const FAULTS: Record<string, { status: number; message: string }> = {
  SANE_STATUS_JAMMED: { status: SANE_STATUS.JAMMED, message: 'Document feeder jammed' },
  SANE_STATUS_NO_DOCS: { status: SANE_STATUS.NO_DOCS, message: 'Document feeder out of documents' },
  SANE_STATUS_COVER_OPEN: { status: SANE_STATUS.COVER_OPEN, message: 'Scanner cover is open' },
  SANE_STATUS_IO_ERROR: { status: SANE_STATUS.IO_ERROR, message: 'Error during device I/O' },
};

const ROWS_PER_CHUNK = 64;

export class SimulatedScanimage implements ScanTransport {
  readonly description = 'in-process scanimage simulator (SANE not installed)';

  run(args: readonly string[]): ScanProcess {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let killed = false;
    let settle!: (exit: ScanExit) => void;
    const exit = new Promise<ScanExit>((r) => (settle = r));
    const finish = (code: number | null, signal: string | null = null) => {
      stdout.end();
      stderr.end();
      settle({ code, signal });
    };
    const opts = parseArgs(args);

    setImmediate(() => {
      if (opts.list !== undefined) {
        stdout.write(`${DEVICES.join('\n')}\n`);
        return finish(0);
      }
      if (!opts.device || !/^test(:[01])?$/.test(opts.device)) {
        stderr.write(`scanimage: open of device ${opts.device ?? ''} failed: Invalid argument\n`);
        return finish(1);
      }
      const res = Number(opts.values['--resolution'] ?? 75);
      const color = opts.values['--mode'] === 'Color';
      const width = Math.max(1, Math.floor(((Number(opts.values['-x'] ?? 80)) / 25.4) * res));
      const height = Math.max(1, Math.floor(((Number(opts.values['-y'] ?? 100)) / 25.4) * res));
      const fault = FAULTS[opts.values['--read-return-value'] ?? ''];
      const channels = color ? 3 : 1;
      const header = encodePnm({ width, height, channels, data: Buffer.alloc(0) });
      stdout.write(header);
      if (fault) {
        stderr.write(`scanimage: sane_read: ${fault.message}\n`);
        return finish(fault.status);
      }
      const cell = Math.max(1, Math.round((10 / 25.4) * res)); // 10 mm squares, like the test backend's Grid
      let y = 0;
      const step = () => {
        if (killed) return finish(null, 'SIGTERM');
        const rows = Math.min(ROWS_PER_CHUNK, height - y);
        const chunk = Buffer.alloc(rows * width * channels);
        for (let r = 0; r < rows; r++) {
          for (let x = 0; x < width; x++) {
            const dark = (Math.floor(x / cell) + Math.floor((y + r) / cell)) % 2 === 0;
            chunk.fill(dark ? 0 : 255, (r * width + x) * channels, (r * width + x + 1) * channels);
          }
        }
        stdout.write(chunk);
        y += rows;
        if (opts.progress) stderr.write(`Progress: ${((100 * y) / height).toFixed(1)}%\r`);
        if (y < height) setImmediate(step);
        else finish(0);
      };
      step();
    });

    return { stdout, stderr, exit, kill: () => void (killed = true) };
  }
}

interface ParsedArgs {
  device?: string;
  list?: string;
  progress: boolean;
  values: Record<string, string>;
}

function parseArgs(args: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { progress: false, values: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-d') out.device = args[++i];
    else if (a === '-f' || a === '-L') out.list = a === '-f' ? args[++i] : '';
    else if (a === '-p') out.progress = true;
    else if (a.includes('=')) out.values[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else if (a.startsWith('-') && args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) out.values[a] = args[++i]!;
  }
  return out;
}
