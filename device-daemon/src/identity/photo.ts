import { spawn } from 'node:child_process';

/** Image formats a decoder may write, by their magic bytes. */
const FORMATS: [mime: string, magic: number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/bmp', [0x42, 0x4d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];
const MAX_IMAGE_BYTES = 512 * 1024;

export type PhotoResult = { ok: true; dataUrl: string } | { ok: false; reason: string };

/**
 * Turns WLT bytes into an image with the configured external decoder (vendors' libwlt2bmp and the like: no
 * open decoder exists). Contract of the command: WLT on stdin, one PNG/BMP/JPEG on stdout, exit 0.
 * Never throws; a failure means "no photo", and the reason holds no personal data.
 */
export function decodePhoto(command: string, wlt: Buffer, timeoutMs = 3000): Promise<PhotoResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: 'timeout' });
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_IMAGE_BYTES) chunks.push(c);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: (err as NodeJS.ErrnoException).code ?? 'spawn failed' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return resolve({ ok: false, reason: `exit ${code}` });
      if (size > MAX_IMAGE_BYTES) return resolve({ ok: false, reason: 'image too large' });
      const image = Buffer.concat(chunks);
      const format = FORMATS.find(([, magic]) => magic.every((b, i) => image[i] === b));
      if (!format) return resolve({ ok: false, reason: 'not an image' });
      resolve({ ok: true, dataUrl: `data:${format[0]};base64,${image.toString('base64')}` });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(wlt);
  });
}
