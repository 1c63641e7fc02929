import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { ScanProcess, ScanTransport } from '../transport/scan-transport';
import { collect } from '../transport/scan-transport';
import { SANE_STATUS, type ScanExit } from '../codec/status';
import { decodePnm, encodePnm, type RawImage } from '../codec/pnm';
import { captureFailure, previewArgs, stillArgs } from './capture';
import { openCv } from './cv';
import { findPage, isLandscape, straighten, type Quad } from './page-finder';

export interface CameraOptions {
  /** The name the scanner driver knows the camera by (`camera:/dev/video0`). */
  name: string;
  ffmpeg: string;
  /** ffmpeg's input arguments: the V4L2 camera in production, a lavfi source or a still image in tests. */
  input: () => Promise<string[]>;
  /** Whether the camera is there now (a V4L2 node exists); the scanner driver lists it only then. */
  present: () => boolean;
  warmupFrames: number;
  /** The physical size of the page the camera is for, to give the straightened page its resolution. */
  pageMm: { width: number; height: number };
}

const KILL_GRACE_MS = 2000;

/**
 * The 高拍仪 behind the scanner's transport contract: it answers the same command lines as `scanimage` with the
 * same bytes (a device listing; a PNM page on stdout, `Progress:` on stderr, the SANE status as exit code), so
 * the scanner driver, its faults, health and statistics, and the scanning flow are unchanged. A scan is one
 * still from ffmpeg, the page found, straightened and cropped (page-finder.ts), at the resolution asked.
 * A desk with no page on it is SANE's «no documents» (7); a camera that cannot be opened is «open failed».
 * A scan with an area (the technician's small test scan) is cut from the whole frame: no page is needed.
 */
export class CameraScanTransport implements ScanTransport {
  readonly description: string;

  constructor(private readonly opts: CameraOptions) {
    this.description = `document camera ${opts.name} through ${opts.ffmpeg}`;
  }

  run(args: readonly string[]): ScanProcess {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let settle!: (exit: ScanExit) => void;
    const exit = new Promise<ScanExit>((r) => (settle = r));
    const state = { killed: false, child: undefined as ReturnType<typeof spawn> | undefined };
    const finish = (code: number | null, signal: string | null = null) => {
      stdout.end();
      stderr.end();
      settle({ code, signal });
    };
    const a = parseArgs(args);
    void (async () => {
      if (a.list) {
        if (this.opts.present()) stdout.write(`${this.opts.name}|camera|document camera|高拍仪\n`);
        return finish(0);
      }
      if (a.device !== this.opts.name || !this.opts.present()) {
        stderr.write(`scanimage: open of device ${a.device ?? ''} failed: no such camera\n`);
        return finish(1);
      }
      const child = spawn(this.opts.ffmpeg, stillArgs(await this.opts.input(), this.opts.warmupFrames), { stdio: ['ignore', 'pipe', 'pipe'] });
      state.child = child;
      const spawnError = new Promise<string>((resolve) => child.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message)));
      const [frame, messages, code] = await Promise.all([
        collect(child.stdout),
        collect(child.stderr),
        Promise.race([new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c))), spawnError.then(() => -1)]),
      ]);
      if (state.killed) return finish(null, 'SIGTERM');
      if (code === -1) {
        stderr.write(`scanimage: open of device ${a.device} failed: ${this.opts.ffmpeg} could not start\n`);
        return finish(1);
      }
      if (code !== 0 || frame.length === 0) {
        const why = captureFailure(messages.toString('utf8'));
        stderr.write(`scanimage: ${why.text}\n`);
        return finish(why.status);
      }
      if (a.progress) stderr.write('Progress: 50.0%\r');
      const page = await this.pageFrom(decodePnm(frame), a);
      if (state.killed) return finish(null, 'SIGTERM');
      if (!page) {
        stderr.write('scanimage: sane_read: Document feeder out of documents (no page found on the desk)\n');
        return finish(SANE_STATUS.NO_DOCS);
      }
      stdout.write(encodePnm(page, 'document camera'));
      if (a.progress) stderr.write('Progress: 100.0%\r');
      finish(0);
    })().catch((err: Error) => {
      stderr.write(`scanimage: ${err.message}\n`);
      finish(SANE_STATUS.IO_ERROR);
    });
    return {
      stdout,
      stderr,
      exit,
      kill: () => {
        state.killed = true;
        const child = state.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), KILL_GRACE_MS).unref();
      },
    };
  }

  /** One small JPEG of the desk for the live preview; rejects when the camera cannot be read. */
  async preview(width = 640): Promise<Buffer> {
    const child = spawn(this.opts.ffmpeg, previewArgs(await this.opts.input(), width), { stdio: ['ignore', 'pipe', 'pipe'] });
    const failed = new Promise<never>((_, reject) => child.once('error', reject));
    const [jpeg, messages, code] = await Promise.race([
      Promise.all([collect(child.stdout), collect(child.stderr), new Promise<number | null>((resolve) => child.once('close', resolve))]),
      failed,
    ]);
    if (code !== 0 || jpeg.length === 0) throw new Error(captureFailure(messages.toString('utf8')).text);
    return jpeg;
  }

  private async pageFrom(photo: RawImage, a: ParsedArgs): Promise<RawImage | undefined> {
    const { cv } = await openCv();
    const channels = a.color ? 3 : 1;
    const px = (mm: number) => Math.max(1, Math.round((mm / 25.4) * a.resolution));
    if (a.area) {
      const whole: Quad = [{ x: 0, y: 0 }, { x: photo.width, y: 0 }, { x: photo.width, y: photo.height }, { x: 0, y: photo.height }];
      return straighten(cv, photo, whole, px(a.area.width), px(a.area.height), channels);
    }
    const quad = findPage(cv, photo);
    if (!quad) return undefined;
    const { width, height } = this.opts.pageMm;
    const [w, h] = isLandscape(quad) ? [px(height), px(width)] : [px(width), px(height)];
    return straighten(cv, photo, quad, w, h, channels);
  }
}

interface ParsedArgs {
  list: boolean;
  device?: string;
  progress: boolean;
  resolution: number;
  color: boolean;
  area?: { width: number; height: number };
}

/** The scanimage command line the scanner driver builds (codec/args.ts), read back. */
function parseArgs(args: readonly string[]): ParsedArgs {
  const v = new Map<string, string>();
  let list = false;
  let progress = false;
  for (let i = 0; i < args.length; i++) {
    const k = args[i]!;
    if (k === '-f' || k === '-L') list = true;
    else if (k === '-p') progress = true;
    else if (k.startsWith('--') && k.includes('=')) v.set(k.slice(0, k.indexOf('=')), k.slice(k.indexOf('=') + 1));
    else if (k.startsWith('-') && i + 1 < args.length) v.set(k, args[++i]!);
  }
  const x = v.get('-x');
  const y = v.get('-y');
  return {
    list,
    device: v.get('-d'),
    progress,
    resolution: Number(v.get('--resolution') ?? 150),
    color: v.get('--mode') === 'Color',
    ...(x && y ? { area: { width: Number(x), height: Number(y) } } : {}),
  };
}
