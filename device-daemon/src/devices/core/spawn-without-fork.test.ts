import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { loadSpawner } from './spawn-without-fork';

/** A file for the child's stdout, and what it holds once the child has ended. */
function outputFile() {
  const dir = mkdtempSync(path.join(tmpdir(), 'spawn-'));
  const file = path.join(dir, 'out');
  const fd = openSync(file, 'w');
  return { fd, read: () => readFileSync(file), close: () => (closeSync(fd), rmSync(dir, { recursive: true, force: true })) };
}

const node = process.execPath;

describe('spawn without fork (posix_spawn through koffi)', () => {
  it('runs a program with stdout into a file and stderr through a pipe, and reaps its exit status', async () => {
    const spawn = (await loadSpawner())!;
    expect(spawn).toBeTypeOf('function');
    const out = outputFile();
    // The child's own view: SIGPIPE not ignored (Node ignores it, and ignoring survives exec), an empty stdin.
    const script = 'grep SigIgn /proc/self/status >&2; wc -c >&2; head -c 200000 /dev/zero | tr "\\0" c; exit 6';
    const child = spawn('/bin/sh', ['-c', script], { PATH: process.env.PATH }, ['ignore', out.fd, 'pipe']);
    const [err, exit] = await Promise.all([text(child.stderr!), child.exit]);
    expect(exit).toEqual({ code: 6, signal: null });
    const [, ignored, stdinBytes] = /SigIgn:\s*(\w+)\s+(\d+)/.exec(err)!;
    // Signals 1-31 at their defaults (glibc itself ignores its two internal ones, 32 and 33, until the program starts).
    expect(Number(BigInt(`0x${ignored}`) & 0x7fffffffn)).toBe(0);
    expect(stdinBytes).toBe('0');
    expect(out.read().equals(Buffer.alloc(200_000, 'c'))).toBe(true);
    out.close();
  });

  it('says a missing program is ENOENT, and reports a signal', async () => {
    const spawn = (await loadSpawner())!;
    const out = outputFile();
    expect(await spawn('/no/such/scanimage', [], {}, ['ignore', out.fd, 'pipe']).exit).toEqual({ code: null, signal: null, spawnError: 'ENOENT' });
    const sleeper = spawn(node, ['-e', 'setTimeout(() => {}, 20000)'], { PATH: process.env.PATH }, ['ignore', out.fd, 'pipe']);
    process.kill(sleeper.pid, 'SIGTERM');
    expect(await sleeper.exit).toEqual({ code: null, signal: 'SIGTERM' });
    out.close();
  });

  it('feeds stdin through a pipe and reads stdout through another, as the ID photo decoder is run', async () => {
    const spawn = (await loadSpawner())!;
    const child = spawn('/bin/sh', ['-c', 'tr a-z A-Z; exit 3'], { PATH: process.env.PATH }, ['pipe', 'pipe', 'ignore']);
    expect(child.stderr).toBeNull();
    child.stdin!.end('wlt bytes '.repeat(20_000));
    const [out, exit] = await Promise.all([text(child.stdout!), child.exit]);
    expect(out).toBe('WLT BYTES '.repeat(20_000));
    expect(exit).toEqual({ code: 3, signal: null });
  });
});
