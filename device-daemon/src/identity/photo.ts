import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ChildExit, Spawner } from '../devices/core/spawn-without-fork';

/** Image formats a decoder may write, by their magic bytes. */
const FORMATS: [mime: string, magic: number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/bmp', [0x42, 0x4d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
const MAX_IMAGE_BYTES = 512 * 1024;

export type PhotoResult = { ok: true; dataUrl: string } | { ok: false; reason: string };

/** A started decoder: its stdin and stdout, its exit once both are done with, and a way to stop it. */
interface Decoder {
  stdin: Writable;
  stdout: Readable;
  exit: Promise<ChildExit>;
  kill(): void;
}

/**
 * Turns WLT bytes into an image with the configured external decoder (vendors' libwlt2bmp and the like: no
 * open decoder exists). Contract of the command: WLT on stdin, one PNG/BMP/JPEG on stdout, exit 0.
 * Never throws; a failure means "no photo", and the reason holds no personal data.
 *
 * With `spawner` (devices/core/spawn-without-fork.ts) the decoder is started by posix_spawn: Node's spawn forks
 * the daemon at every card read, and the write-protect faults that follow a fork slowed the next read's way
 * to the screen (docs/PERFORMANCE.md, the card read path).
 */
export function decodePhoto(command: string, wlt: Buffer, timeoutMs = 3000, spawner?: Spawner): Promise<PhotoResult> {
  return new Promise((resolve) => {
    let decoder: Decoder;
    try {
      decoder = spawner ? withoutFork(spawner, command) : withNodeSpawn(command);
    } catch (err) {
      return resolve({ ok: false, reason: (err as NodeJS.ErrnoException).code ?? 'spawn failed' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      decoder.kill();
      resolve({ ok: false, reason: 'timeout' });
    }, timeoutMs);
    decoder.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_IMAGE_BYTES) chunks.push(c);
    });
    decoder.stdout.on('error', () => undefined);
    void decoder.exit.then(({ code, spawnError }) => {
      clearTimeout(timer);
      if (spawnError) return resolve({ ok: false, reason: spawnError });
      if (code !== 0) return resolve({ ok: false, reason: `exit ${code}` });
      if (size > MAX_IMAGE_BYTES) return resolve({ ok: false, reason: 'image too large' });
      const image = Buffer.concat(chunks);
      const format = FORMATS.find(([, magic]) => magic.every((b, i) => image[i] === b));
      if (!format) return resolve({ ok: false, reason: 'not an image' });
      resolve({ ok: true, dataUrl: `data:${format[0]};base64,${image.toString('base64')}` });
    });
    decoder.stdin.on('error', () => undefined); // a decoder that exits without reading it all
    decoder.stdin.end(wlt);
  });
}

function withNodeSpawn(command: string): Decoder {
  const child = spawn(command, [], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exit = new Promise<ChildExit>((resolve) => {
    child.once('error', (err: NodeJS.ErrnoException) => resolve({ code: null, signal: null, spawnError: err.code ?? 'spawn failed' }));
    // 'close' comes after stdout ended: every byte has been delivered.
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return { stdin: child.stdin, stdout: child.stdout, exit, kill: () => void child.kill('SIGKILL') };
}

function withoutFork(spawner: Spawner, command: string): Decoder {
  // eslint-disable-next-line no-restricted-properties -- nothing is read: the decoder inherits the daemon's environment, as with Node's spawn
  const child = spawner(command, [], { ...process.env }, ['pipe', 'pipe', 'ignore']);
  let reaped = false;
  const exit = child.exit.then((e) => ((reaped = true), e));
  return {
    stdin: child.stdin!,
    stdout: child.stdout!,
    exit,
    // Until it is reaped, the pid is the decoder's, even when it has ended: never another process's.
    kill: () => void (!reaped && child.pid && process.kill(child.pid, 'SIGKILL')),
  };
}
