import { describe, expect, it } from 'vitest';
import { ChildProcessTransport } from './child-transport';
import { openOutputFile } from './output-file';
import { collect } from './scan-transport';
import { loadSpawner } from './spawn-without-fork';

const node = process.execPath;

describe('spawn without fork (posix_spawn through koffi)', () => {
  it('runs a program with stdout into a file and stderr through a pipe, and reaps its exit status', async () => {
    const spawn = (await loadSpawner())!;
    expect(spawn).toBeTypeOf('function');
    const out = openOutputFile('/dev/shm')!;
    // The child's own view: SIGPIPE not ignored (Node ignores it, and ignoring survives exec), an empty stdin.
    const script = 'grep SigIgn /proc/self/status >&2; wc -c >&2; head -c 200000 /dev/zero | tr "\\0" c; exit 6';
    const child = spawn('/bin/sh', ['-c', script], { PATH: process.env.PATH }, out.fd);
    const [err, exit] = await Promise.all([collect(child.stderr), child.exit]);
    expect(exit).toEqual({ code: 6, signal: null });
    const [, ignored, stdinBytes] = /SigIgn:\s*(\w+)\s+(\d+)/.exec(err.toString())!;
    // Signals 1-31 at their defaults (glibc itself ignores its two internal ones, 32 and 33, until the program starts).
    expect(Number(BigInt(`0x${ignored}`) & 0x7fffffffn)).toBe(0);
    expect(stdinBytes).toBe('0');
    expect(await out.file.size()).toBe(200_000);
    const back = Buffer.alloc(200_000);
    await out.file.read(back, 0);
    expect(back.equals(Buffer.alloc(200_000, 'c'))).toBe(true);
    await out.file.close();
  });

  it('says a missing program is ENOENT, and reports a signal', async () => {
    const spawn = (await loadSpawner())!;
    const out = openOutputFile('/dev/shm')!;
    expect(await spawn('/no/such/scanimage', [], {}, out.fd).exit).toEqual({ code: null, signal: null, spawnError: 'ENOENT' });
    const sleeper = spawn(node, ['-e', 'setTimeout(() => {}, 20000)'], { PATH: process.env.PATH }, out.fd);
    process.kill(sleeper.pid, 'SIGTERM');
    expect(await sleeper.exit).toEqual({ code: null, signal: 'SIGTERM' });
    await out.file.close();
  });

  it('is what the transport starts image runs with once loaded: same bytes, kill stops the run', async () => {
    const transport = new ChildProcessTransport({ command: node });
    const first = transport.run(['-e', 'process.stdout.write("P5 1 1 255 x")'], { toFile: true });
    await first.exit;
    await first.output!.close();
    await loadSpawner();
    const proc = transport.run(['-e', 'process.stderr.write("Progress: 1.0%\\r"); setTimeout(() => {}, 20000)'], { toFile: true });
    let err = '';
    await new Promise<void>((resolve) => proc.stderr.on('data', (d: Buffer) => ((err += d.toString()), resolve())));
    proc.kill();
    expect(await proc.exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(err).toContain('Progress: 1.0%');
    expect((await collect(proc.stdout)).length).toBe(0);
    await proc.output!.close();
  });
});
