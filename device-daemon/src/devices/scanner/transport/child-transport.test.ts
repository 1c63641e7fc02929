import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChildProcessTransport } from './child-transport';
import { collect } from './scan-transport';

/** A program that writes `bytes` of a known pattern to stdout and one progress record to stderr, like scanimage. */
const writer = (bytes: number) => ['-e', `process.stderr.write('Progress: 100.0%\\r'); process.stdout.write(Buffer.alloc(${bytes}, 'ab'))`];

describe('ChildProcessTransport', () => {
  it('gives the image as an unnamed file in RAM when asked, stdout then empty', async () => {
    const transport = new ChildProcessTransport({ command: process.execPath });
    const proc = transport.run(writer(300_000), { toFile: true });
    const [out, err, exit] = await Promise.all([collect(proc.stdout), collect(proc.stderr), proc.exit]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(out.length).toBe(0);
    expect(err.toString()).toContain('Progress: 100.0%');
    const file = proc.output!;
    expect(await file.size()).toBe(300_000);
    const back = Buffer.alloc(300_000);
    expect(await file.read(back, 0)).toBe(300_000);
    expect(back.equals(Buffer.alloc(300_000, 'ab'))).toBe(true);
    await file.close();
    await file.close(); // once is enough; twice does nothing
  });

  it('uses the pipe where no such file can be made, and when not asked', async () => {
    expect(existsSync('/no/such/folder')).toBe(false);
    const transport = new ChildProcessTransport({ command: process.execPath, outputFolder: '/no/such/folder' });
    for (const options of [{ toFile: true }, {}]) {
      const proc = transport.run(writer(70_000), options);
      const [out, , exit] = await Promise.all([collect(proc.stdout), collect(proc.stderr), proc.exit]);
      expect(exit.code).toBe(0);
      expect(proc.output).toBeUndefined();
      expect(out.equals(Buffer.alloc(70_000, 'ab'))).toBe(true);
    }
  });

  it('a program that cannot start ends with spawnError and frees its file', async () => {
    const proc = new ChildProcessTransport({ command: '/no/such/scanimage' }).run([], { toFile: true });
    expect((await proc.exit).spawnError).toBe('ENOENT');
    await proc.output?.close();
  });
});
